/**
 * §10.4's analysis runs in a worker (issue 11, "the page stays responsive"): the LSTM's saliency
 * (one gradient through the whole text) and the rest no longer run on the page's main thread.
 * States only, never durations: the page loads the worker's script and never TF.js itself.
 */
import { expect, test } from '@playwright/test';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';

test('the interpretability view analyses in its worker, and the page itself never loads TF.js', async ({ page }) => {
  test.setTimeout(3 * COMPUTE_TIMEOUT);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  const widget = await openWidget(page, '/chapter-10/', '动手：看模型内部在做什么');
  await widget.getByRole('button', { name: '分析', exact: true }).click();
  await expect(widget).toHaveAttribute('data-analysed', 'yes', { timeout: 2 * COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-running', 'false');
  expect(workers.filter((path) => /\/lab\.worker[^/]*\.js$/.test(path))).toHaveLength(1);
  expect(await page.evaluate(() => '_tfengine' in globalThis)).toBe(false);
  await expect(widget).toHaveAttribute('data-tensors', /^\d+$/);
});
