/**
 * Training on every core: the book is cross-origin isolated, so TF.js's WebAssembly backend can
 * run its threaded build in the training workers (issue 12, goal 3). On a server that sends the
 * headers (`astro preview`, as in these tests) that holds from the first visit; on a static host
 * that cannot, the service worker adds them, from the first visit it controls.
 */
import { expect, test } from '@playwright/test';
import { startDeployServer } from './support/deploy-server';
import { controlledAndPrecached } from './support/offline';
import { openWidget } from './support/widgets';

const isolated = (page: import('@playwright/test').Page) => page.evaluate(() => globalThis.crossOriginIsolated);

test('the book is cross-origin isolated, so SharedArrayBuffer exists', async ({ page }) => {
  await page.goto('/chapter-05/');
  expect(await isolated(page)).toBe(true);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
});

test('the text lab trains in its worker with one thread per logical core', async ({ page }) => {
  const widget = await openWidget(page, '/chapter-05/', '动手：训练并运行 5.2 节的文本生成模型');
  // TF.js uses at most 8 threads; with one logical core it runs single-threaded and says nothing.
  const threads = Math.min(8, await page.evaluate(() => navigator.hardwareConcurrency));
  await widget.getByRole('radio', { name: '我的文本' }).check();
  await widget.getByLabel(/我的文本（粘贴/).fill('白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n'.repeat(200));
  await widget.getByRole('button', { name: '开始训练' }).click();
  const line = widget.locator('.train-panel').getByText(/训练线程后端：/);
  await expect(line).toContainText(threads > 1 ? `训练线程后端：wasm，${threads} 个线程` : '训练线程后端：wasm）', { timeout: 60_000 });
});

test.describe('on a static host that cannot send headers', () => {
  test.use({ serviceWorkers: 'allow' });
  test.describe.configure({ timeout: 180_000 });

  test('the service worker makes the pages it serves cross-origin isolated', async ({ page }) => {
    const server = await startDeployServer();
    try {
      await page.goto(`${server.origin}/`);
      expect(await isolated(page)).toBe(false);
      await controlledAndPrecached(page);
      await page.goto(`${server.origin}/chapter-05/`);
      expect(await isolated(page)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
