import { expect, test, type Locator, type Page } from '@playwright/test';
import { parts } from './support/site';

/** Chapters that the article illustrates with diagrams. */
const DIAGRAM_CHAPTERS = [2, 3, 4, 5, 9];

/** Computed `display` of each element. */
const displays = (l: Locator) => l.evaluateAll((els) => els.map((e) => getComputedStyle(e).display));

async function chooseTheme(page: Page, label: '浅色' | '深色') {
  await page.getByRole('combobox', { name: '选择主题' }).first().selectOption({ label });
}

/** Resolves after two animation frames: by then the browser has laid out what scrolled near. */
const twoFrames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Each diagram's height in px, rounded to a tenth. */
const heights = (figures: Locator) => figures.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height * 10) / 10));

for (const width of [1280, 375]) {
  test(`at ${width} px a diagram has its final height before it is laid out, so nothing below it moves when it is`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const path of [...DIAGRAM_CHAPTERS.map((n) => `/chapter-0${n}/`), '/appendix-a/']) {
      await page.goto(path);
      const figures = page.locator('figure.diagram');
      const before = await heights(figures);
      expect(before.length, path).toBeGreaterThan(0);
      for (const figure of await figures.all()) {
        await figure.scrollIntoViewIfNeeded();
        await twoFrames(page);
      }
      expect(await heights(figures), path).toEqual(before);
    }
  });
}

test.describe('diagrams', () => {
  test('the book has at least six diagrams, in chapters 2, 3, 4, 5 and 9, each with a light and a dark SVG', async ({ page }) => {
    const perChapter = new Map<number, number>();
    for (const ch of parts) {
      await page.goto(ch.path);
      const figures = page.locator('figure.diagram');
      const n = await figures.count();
      for (let i = 0; i < n; i++) {
        await expect(figures.nth(i).locator(':scope > .diagram-light > svg')).toHaveCount(1);
        await expect(figures.nth(i).locator(':scope > .diagram-dark > svg')).toHaveCount(1);
      }
      if (n > 0) perChapter.set(ch.n, n);
    }
    expect([...perChapter.keys()]).toEqual(expect.arrayContaining(DIAGRAM_CHAPTERS));
    expect([...perChapter.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(6);
  });

  for (const n of DIAGRAM_CHAPTERS) {
    test(`the theme toggle switches every diagram of chapter ${n} between its light and dark render`, async ({ page }) => {
      await page.goto(`/chapter-${String(n).padStart(2, '0')}/`);
      const light = page.locator('figure.diagram > .diagram-light');
      const dark = page.locator('figure.diagram > .diagram-dark');
      expect(await light.count()).toBeGreaterThan(0);
      await chooseTheme(page, '浅色');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      for (const el of await light.all()) await expect(el.locator(':scope > svg')).toBeVisible();
      for (const el of await dark.all()) await expect(el).toBeHidden();
      expect(await displays(dark)).toEqual((await dark.all()).map(() => 'none'));
      await chooseTheme(page, '深色');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      for (const el of await dark.all()) await expect(el.locator(':scope > svg')).toBeVisible();
      for (const el of await light.all()) await expect(el).toBeHidden();
      expect(await displays(light)).toEqual((await light.all()).map(() => 'none'));
    });
  }

  test('the toggle wins over the operating system setting', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/chapter-03/');
    await chooseTheme(page, '浅色');
    await expect(page.locator('figure.diagram .diagram-light').first()).toBeVisible();
    await expect(page.locator('figure.diagram .diagram-dark').first()).toBeHidden();
    await context.close();
  });

  test('Chinese labels are not clipped by their boxes', async ({ page }) => {
    await page.goto('/chapter-02/');
    await page.getByRole('combobox', { name: '选择主题' }).first().selectOption({ label: '浅色' });
    const svg = page.locator('figure.diagram .diagram-light > svg').first();
    await expect(svg.getByText('隐藏层 1')).toBeVisible();
    const clipped = await svg.evaluate(
      (el) =>
        [...el.querySelectorAll('foreignObject')].filter((fo) => {
          const box = fo.getBoundingClientRect();
          const label = fo.firstElementChild!.getBoundingClientRect();
          return label.width > box.width + 1 || label.height > box.height + 1;
        }).length,
    );
    expect(clipped).toBe(0);
  });
});
