/**
 * §9.2's compression lab computes in a worker (issue 11, "the page stays responsive"): the page
 * loads the worker's script, never TF.js itself, and stays free to take input while a run goes
 * on. States only, never durations: a main thread with no evaluation work on it is what keeps
 * the page responsive, however fast the machine.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';

const TITLE = '动手：压缩模型，看它损失了多少';

/** Loads the page, recording every dedicated worker it starts. */
async function open(page: Page, hash = ''): Promise<{ widget: Locator; workers: string[] }> {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  return { widget: await openWidget(page, `/chapter-09/${hash}`, TITLE, { hover: true }), workers };
}

/** Whether TF.js has started in the page's own global scope (tfjs-core keeps its engine there). */
const pageHasTf = (page: Page) => page.evaluate(() => '_tfengine' in globalThis);

const rowCount = async (widget: Locator) => Number(await widget.getAttribute('data-rows'));

test('the lab evaluates in its worker on the isolated page, and the page itself never loads TF.js', async ({ page }) => {
  test.setTimeout(3 * COMPUTE_TIMEOUT);
  const { widget, workers } = await open(page);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  // The first setting's row has come back from the worker.
  await expect.poll(() => rowCount(widget), { timeout: 2 * COMPUTE_TIMEOUT }).toBeGreaterThan(0);
  expect(workers.filter((path) => /\/lab\.worker[^/]*\.js$/.test(path))).toHaveLength(1);
  await expect(widget.getByText(/^计算线程后端：(WebAssembly|CPU)$/)).toBeVisible();
  expect(await pageHasTf(page)).toBe(false);
  await widget.getByRole('button', { name: '取消' }).click();
  await expect(widget).toHaveAttribute('data-running', 'false');
  expect(await pageHasTf(page)).toBe(false);
});

/** The shipped float16 size of a checkpoint, from its own model.json shapes (2 bytes a weight). */
async function float16Bytes(page: Page, dir: string): Promise<number> {
  const json = (await (await page.request.get(`/models/${dir}/model.json`)).json()) as { weightsManifest: { weights: { shape: number[] }[] }[] };
  return json.weightsManifest[0].weights.reduce((t, w) => t + 2 * w.shape.reduce((a, b) => a * b, 1), 0);
}

test('while it evaluates, the page takes input: switching the checkpoint cancels the run, and the next run is on the new checkpoint', async ({ page }) => {
  test.setTimeout(3 * COMPUTE_TIMEOUT);
  const { widget } = await open(page, '#zip.sp=30');
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  await expect.poll(async () => Number(await widget.locator('progress').getAttribute('value')), { timeout: 2 * COMPUTE_TIMEOUT }).toBeGreaterThan(0);
  await widget.getByRole('radio', { name: 'Transformer（附录 A）' }).check();
  await expect(widget).toHaveAttribute('data-running', 'false');
  await expect(widget.locator('[aria-live="polite"]')).toHaveText(/^已取消：完成了 \d 种设置。$/);
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  await expect.poll(() => rowCount(widget), { timeout: 2 * COMPUTE_TIMEOUT }).toBeGreaterThan(0);
  await expect(widget.getByRole('table')).toHaveAccessibleName(/^Transformer（附录 A）：/);
  const first = (await widget.locator('tbody tr').first().locator('td').first().innerText()).split('\n')[0].replaceAll(',', '');
  expect(first).toBe(String(await float16Bytes(page, 'transformer')));
  await widget.getByRole('button', { name: '取消' }).click();
  await expect(widget).toHaveAttribute('data-running', 'false');
});

test('when the lab’s code cannot be loaded in the worker, the lab says so in words, without the browser’s “Uncaught Error”', async ({ page }) => {
  await page.route(/\/compress\.worker\.[^/]*\.js$/, (route) => route.abort());
  const { widget } = await open(page);
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  const alert = widget.getByRole('alert');
  await expect(alert).toHaveText(/^评估失败：计算线程没能载入这个实验的代码。/, { timeout: COMPUTE_TIMEOUT });
  await expect(alert).not.toContainText('Uncaught');
  await expect(widget).toHaveAttribute('data-running', 'false');
});
