/**
 * §8 reading offline: after one visit, the service worker has the whole book, and with the
 * network gone a reader can open another chapter, search, step the backprop stepper and
 * generate text. Each test visits once, waits for the worker, then goes offline
 * (`context.setOffline`), so everything after that is served by the worker or not at all.
 */
import { expect, test, type Page } from '@playwright/test';
import { chapters, parts } from './support/site';
import { controlledAndPrecached, precachedPaths } from './support/offline';
import { startDeployServer, type DeployServer } from './support/deploy-server';
import { hydrated } from './support/widgets';

test.use({ serviceWorkers: 'allow' });
// The first visit downloads the whole precache (≈8 MB, 120 files) before anything else happens;
// on a loaded 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

/** The first visit: the cover page, until the worker controls it with its precache done. */
async function visitOnceThenGoOffline(page: Page): Promise<void> {
  await page.goto('/');
  await controlledAndPrecached(page);
  await page.context().setOffline(true);
}

test('the first visit precaches every chapter, the fonts, the search index, each wasm binary once and the 唐诗 checkpoint', async ({ page }) => {
  await page.goto('/');
  await controlledAndPrecached(page);
  const paths = await precachedPaths(page);
  for (const ch of parts) expect(paths).toContain(`${ch.path}index.html`);
  expect(paths).toContain('/models/poetry/model.json');
  expect(paths).toContain('/models/poetry/weights.bin');
  expect(paths).toContain('/pagefind/pagefind.js');
  expect(paths.filter((p) => p.startsWith('/pagefind/index/'))).not.toHaveLength(0);
  expect(paths.filter((p) => /\/KaTeX_Main-Regular\.[\w-]+\.woff2$/.test(p))).toHaveLength(1);
  // Each of TF.js's three WebAssembly builds once: the pages and the lab worker share one file.
  const wasmBuilds = paths.filter((p) => p.endsWith('.wasm')).map((p) => p.replace(/^.*\/|[.-][\w-]{8}\.wasm$/g, ''));
  expect(wasmBuilds.sort()).toEqual(['tfjs-backend-wasm', 'tfjs-backend-wasm-simd', 'tfjs-backend-wasm-threaded-simd']);
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

/** Whether a new worker is waiting, and whether one controls the page. */
function workers(page: Page): Promise<{ waiting: boolean; controlled: boolean }> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(registration?.waiting), controlled: Boolean(navigator.serviceWorker.controller) };
  });
}

/** Asks the browser to look for a new worker now, as it does on navigation and the page hourly. */
function checkForUpdate(page: Page): Promise<void> {
  return page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())?.update()));
}

// New builds: the book is served by a server of our own (support/deploy-server.ts) that can
// deploy a new build, a byte-different sw.js; routing cannot reach the browser's update check.
// Each test gets its own server, so its own origin and its own service worker registration.
const deployTest = test.extend<{ site: DeployServer }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use) => {
    const site = await startDeployServer();
    try {
      await use(site);
    } finally {
      await site.close();
    }
  },
});

deployTest('when a new build is deployed, the reader is offered 重新加载, and it switches to the new build', async ({ page, site }) => {
  await page.goto(`${site.origin}/chapter-01/`);
  await controlledAndPrecached(page);
  const notice = page.getByRole('status').filter({ hasText: '本书已更新' });
  await expect(notice).toHaveCount(0);

  site.deploy();
  await checkForUpdate(page);
  await expect(notice).toBeVisible({ timeout: 120_000 });
  await expect.poll(() => workers(page)).toEqual({ waiting: true, controlled: true });

  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await notice.getByRole('button', { name: '重新加载' }).click();
  await reloaded;
  // The new build's worker has taken over: nothing waits any more, and nothing is offered.
  await expect.poll(() => workers(page), { timeout: 60_000 }).toEqual({ waiting: false, controlled: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapters[0].title);
  await expect(page.locator('#update-notice')).toHaveCount(0);
});

deployTest('the notice can be put off with 稍后', async ({ page, site }) => {
  await page.goto(`${site.origin}/chapter-01/`);
  await controlledAndPrecached(page);
  site.deploy();
  await checkForUpdate(page);
  const notice = page.getByRole('status').filter({ hasText: '本书已更新' });
  await notice.getByRole('button', { name: '稍后' }).click({ timeout: 120_000 });
  await expect(notice).toHaveCount(0);
  // The next page asks again: the reader is never left on an old build without knowing.
  await page.goto(`${site.origin}/chapter-02/`);
  await expect(page.getByRole('status').filter({ hasText: '本书已更新' })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => workers(page)).toEqual({ waiting: true, controlled: true });
});
