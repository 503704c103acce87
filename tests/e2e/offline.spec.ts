/**
 * §8 reading offline: after one visit, the service worker has the whole book, and with the
 * network gone a reader can open another chapter, search, step the backprop stepper and
 * generate text. Each test visits once, waits for the worker, then goes offline
 * (`context.setOffline`), so everything after that is served by the worker or not at all.
 */
import { expect, test, type Page } from '@playwright/test';
import { chapters } from './support/site';
import { controlledAndPrecached, precachedPaths } from './support/offline';
import { hydrated } from './support/widgets';

test.use({ serviceWorkers: 'allow' });

/** The first visit: the cover page, until the worker controls it with its precache done. */
async function visitOnceThenGoOffline(page: Page): Promise<void> {
  await page.goto('/');
  await controlledAndPrecached(page);
  await page.context().setOffline(true);
}

test('the first visit precaches every chapter, the fonts, the search index, the wasm binaries and the 唐诗 checkpoint', async ({ page }) => {
  await page.goto('/');
  await controlledAndPrecached(page);
  const paths = await precachedPaths(page);
  for (const ch of chapters) expect(paths).toContain(`${ch.path}index.html`);
  expect(paths).toContain('/models/poetry/model.json');
  expect(paths).toContain('/models/poetry/weights.bin');
  expect(paths).toContain('/pagefind/pagefind.js');
  expect(paths.filter((p) => p.startsWith('/pagefind/index/'))).not.toHaveLength(0);
  expect(paths.filter((p) => /\/KaTeX_Main-Regular\.[\w-]+\.woff2$/.test(p))).toHaveLength(1);
  expect(paths.filter((p) => /tfjs-backend-wasm(-simd)?[.-][\w-]+\.wasm$/.test(p)).length).toBeGreaterThanOrEqual(2);
  expect(paths.filter((p) => /\.(ttf|woff)$/.test(p))).toEqual([]);
});

test('offline, another chapter opens with its math and diagrams', async ({ page }) => {
  await visitOnceThenGoOffline(page);
  await page.goto('/chapter-04/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapters[3].title);
  await expect(page.locator('.katex').first()).toBeVisible();
  // KaTeX's font came from the precache, not the network.
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
  await expect(page.locator('svg[id^="mmd-"]').first()).toBeAttached();
});

test('offline, search finds chapters', async ({ page }) => {
  await visitOnceThenGoOffline(page);
  await page.goto('/chapter-02/');
  await page.getByRole('button', { name: /搜索/ }).click();
  const dialog = page.getByRole('dialog', { name: '搜索' });
  await dialog.getByRole('textbox', { name: '搜索' }).fill('反向传播');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
});

test('offline, the backprop stepper steps', async ({ page }) => {
  await visitOnceThenGoOffline(page);
  await page.goto('/chapter-04/');
  const widget = page.getByRole('region', { name: '动手：逐步执行反向传播' });
  await widget.scrollIntoViewIfNeeded();
  await hydrated(widget);
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '0');
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '1');
  await expect(widget.getByRole('alert')).toHaveCount(0);
});

test('offline, the text lab generates from the 唐诗 checkpoint', async ({ page }) => {
  await visitOnceThenGoOffline(page);
  await page.goto('/chapter-05/');
  const widget = page.getByRole('region', { name: '动手：训练并运行 5.2 节的文本生成模型' });
  await widget.scrollIntoViewIfNeeded();
  await hydrated(widget);
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: 30_000 });
  await expect(widget).not.toHaveAttribute('data-chars', '0');
  await expect(widget.getByRole('alert')).toHaveCount(0);
});
