/**
 * No page logs an error: every page in the sidebar (and the 404 page), opened plainly, with no
 * URL state, in a browser whose storage is empty, holds garbage, or holds stale data from an
 * older build.
 */
import { expect, test, type Page } from '@playwright/test';
import { allPages, parts } from './support/site';

/** The sidebar's own pages besides the chapters and appendices: the ones that expect URL or stored state. */
const toolPages = ['/progress/', '/assignment/', '/assign/'];
const sidebarPages = ['/', ...toolPages, ...parts.map((c) => c.path)];
const pages = [...new Set([...sidebarPages, ...allPages])];

/** What a reader's browser may hold under the site's keys. */
const storages: Record<string, Record<string, string>> = {
  empty: {},
  garbage: {
    'dmx.progress': '{not json',
    'dmx.progress.unseen-backup': '{"key":',
    'dmx.progress.backup.x': '\u0000\uffff',
    'dmx.assignments': 'not json',
    'starlight-theme': 'neon',
  },
  stale: {
    'dmx.progress': JSON.stringify({ version: 1, read: ['sec-4-2', 'sec-99-1', 7] }),
    'dmx.progress.unseen-backup': JSON.stringify({ key: 'dmx.progress.backup.gone', message: '旧的提示。' }),
    'dmx.assignments': JSON.stringify([{ code: '1.stale', title: '旧作业', openedAt: '2020-01-01T00:00:00Z' }, { code: 5 }, null]),
  },
};

test('the list covers every page in the sidebar', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.locator('nav.sidebar a[href]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect([...new Set(hrefs)].sort()).toEqual([...sidebarPages].sort());
});

/** A malformed `%` sequence in the fragment, as a damaged link may carry. */
const MALFORMED = '#%E0%A4%A';

/** Opens `path` + `hash` and expects no console error or uncaught exception once it has settled. */
async function expectNoErrors(page: Page, path: string, hash = ''): Promise<void> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(path + hash);
  await page.waitForLoadState('networkidle');
  // The tool pages' islands load at once: wait until they have hydrated and run their first effects.
  if (toolPages.includes(path)) await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  // 404.html is served with status 404 by design; that load is not an error of the page.
  expect(errors.filter((e) => !(path === '/404.html' && /status of 404/.test(e)))).toEqual([]);
}

for (const [state, values] of Object.entries(storages)) {
  test.describe(`no errors while reading, with ${state} storage`, () => {
    for (const path of pages) {
      test(`${path} logs no console or page errors`, async ({ page }) => {
        await page.addInitScript((v) => {
          if (sessionStorage.getItem('seeded')) return;
          sessionStorage.setItem('seeded', '1');
          localStorage.clear();
          for (const [k, x] of Object.entries(v)) localStorage.setItem(k, x);
        }, values);
        await expectNoErrors(page, path);
      });
    }
  });
}

test.describe('no errors with a malformed % in the link', () => {
  for (const path of pages) {
    test(`${path}${MALFORMED} logs no console or page errors`, async ({ page }) => {
      await expectNoErrors(page, path, MALFORMED);
    });
  }
});

test('the attention stepper logs no errors through all ten steps', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/appendix-a/');
  const widget = page.getByRole('region', { name: '动手：逐步计算一个注意力头' });
  await widget.scrollIntoViewIfNeeded();
  for (let k = 0; k < 10; k++) await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '10', { timeout: 90_000 });
  expect(errors).toEqual([]);
});
