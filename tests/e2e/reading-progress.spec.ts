/** A student's reading progress: scrolling through a section or ticking it marks it read, the sidebar counts it, bad stored data is backed up with a notice. */
import { expect, test, type Page } from '@playwright/test';

const KEY = 'dmx.progress';
const stored = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), KEY);
const chapterLink = (page: Page, slug: string) => page.locator(`nav.sidebar a[href$="/${slug}/"]`);

test('scrolling through a section marks it read, and the sidebar counts it', async ({ page }) => {
  await page.goto('/chapter-02/');
  await expect(chapterLink(page, 'chapter-02').locator('.read-count')).toHaveText(/^0\/\d+$/);
  await page.locator('#sec-2-2').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => Object.keys((await stored(page))?.sections ?? {})).toContain('sec-2-1');
  expect((await stored(page)).sections['sec-2-1'].how).toBe('scroll');
  await expect(chapterLink(page, 'chapter-02').locator('.read-count')).toHaveText(/^[1-9]\d*\/\d+$/);
  await expect(page.getByRole('button', { name: /^已读：2\.1/ })).toHaveAttribute('aria-pressed', 'true');
});

test('a jump to a later section marks read only the section whose end is in view, not those jumped over', async ({ page }) => {
  await page.goto('/chapter-02/');
  await expect(page.getByRole('button', { name: /^已读：2\.1/ })).toBeVisible();
  // As a link to §2.3 or a tour step jumps: §2.3's heading, the end of §2.2, lands at the top of the view.
  await page.locator('#sec-2-3').evaluate((h) => h.scrollIntoView());
  await expect.poll(async () => Object.keys((await stored(page))?.sections ?? {})).toContain('sec-2-2');
  expect(Object.keys((await stored(page)).sections)).not.toContain('sec-2-1');
  await expect(page.getByRole('button', { name: /^已读：2\.1/ })).toHaveAttribute('aria-pressed', 'false');
});

test('a section can be ticked and unticked by hand, and stays ticked after a reload', async ({ page }) => {
  await page.goto('/chapter-04/');
  const toggle = page.getByRole('button', { name: /^已读：4\.2/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect((await stored(page)).sections['sec-4-2'].how).toBe('manual');
  await page.reload();
  await expect(page.getByRole('button', { name: /^已读：4\.2/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /^已读：4\.2/ }).click();
  await expect(page.getByRole('button', { name: /^已读：4\.2/ })).toHaveAttribute('aria-pressed', 'false');
  expect((await stored(page)).sections['sec-4-2']).toBeUndefined();
});

test('corrupted progress is kept as a backup, with a notice, and can be downloaded', async ({ page }) => {
  await page.goto('/chapter-01/');
  await page.evaluate((k) => localStorage.setItem(k, '{"version":2,"sections":{broken'), KEY);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: '已损坏' })).toContainText('备份');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dmx.progress.backup.')));
  expect(backups).toHaveLength(1);
  await page.getByRole('link', { name: '打开“我的进度”' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载备份' }).click();
  const file = await download;
  const { readFile } = await import('node:fs/promises');
  expect(await readFile((await file.path())!, 'utf8')).toBe('{"version":2,"sections":{broken');
});

test('我的进度 exports progress and merges an imported file', async ({ page }) => {
  await page.goto('/chapter-06/'); // no numbered sections: the chapter is one section
  await page.getByRole('button', { name: /^已读：6\./ }).click();
  await page.goto('/progress/');
  // The export button is rendered before the island hydrates; wait until it does something.
  await expect(page.locator('astro-island:not([ssr]) .progress-view')).toHaveCount(1);
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出进度（JSON）' }).click();
  const { readFile } = await import('node:fs/promises');
  const mine = JSON.parse(await readFile((await (await exported).path())!, 'utf8'));
  expect(Object.keys(mine.sections)).toEqual(['sec-6']);
  const other = { version: 2, sections: { 'sec-1-1': { how: 'scroll', at: '2026-11-01T00:00:00.000Z' } }, exercises: {}, tasks: {} };
  await page
    .getByLabel('导入进度文件（与现有记录合并）')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect(page.getByRole('status').filter({ hasText: '已导入并合并' })).toBeVisible();
  expect(Object.keys((await stored(page)).sections).sort()).toEqual(['sec-1-1', 'sec-6']);
  await page.getByLabel('导入进度文件（与现有记录合并）').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
  await expect(page.getByRole('status').filter({ hasText: '无法导入' })).toBeVisible();
});

test('我的进度 has no axe violations', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await page.goto('/progress/');
  await expect(page.locator('astro-island:not([ssr]) .progress-view')).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

// Chapters 2 and 4 have numbered sections; chapters 1 and 6 are one section each, their button under the title.
for (const path of ['/chapter-02/', '/chapter-04/', '/chapter-01/', '/chapter-06/']) {
  test(`on ${path}, the 已读 buttons arrive in a line kept for them: nothing in the chapter's text moves (no layout shift)`, async ({ page }) => {
    await page.addInitScript(() => {
      const moved: string[] = [];
      Object.assign(window, { moved });
      new PerformanceObserver((list) => {
        type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
        for (const entry of list.getEntries() as (PerformanceEntry & { sources?: Source[] })[]) {
          for (const s of entry.sources ?? []) {
            const el = s.node instanceof Element ? s.node : (s.node?.parentElement ?? null);
            // In the page's main column (the chapter text, or the panel holding it, as Chromium reports a shift of the
            // whole text), moved down or up by a line or more (a font arriving nudges glyphs by a pixel or two, sideways).
            const dy = Math.abs(s.currentRect.y - s.previousRect.y);
            if (el?.closest('main') && dy >= 10) moved.push(`${el.tagName}.${el.className} ${Math.round(dy)} px`);
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    await expect(page.getByRole('button', { name: /^已读：/ }).first()).toBeVisible();
    // Two frames: a shift caused by the buttons is reported by then.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => (window as unknown as { moved: string[] }).moved)).toEqual([]);
  });
}
