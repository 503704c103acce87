/** §3.3/§10.3 overfitting widget: the curves split; L2 and early stopping act on the gap. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';

async function openFit(page: Page): Promise<Locator> {
  return openWidget(page, '/chapter-10/', '动手：观察过拟合，并用 L2 正则化和早停缓解它');
}

/** Trains for at least `steps` mini-batches and returns validation − training loss. */
async function gapAfter(widget: Locator, steps: number): Promise<number> {
  await widget.getByRole('button', { name: '运行' }).click();
  await expect.poll(async () => Number(await widget.getAttribute('data-steps')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(steps);
  await widget.getByRole('button', { name: '暂停' }).click();
  const [train, val] = [...(await widget.locator('figcaption').innerText()).matchAll(/([\d.]+)\s*$/gm)].map((m) => Number(m[1]));
  return val - train;
}

test('training and validation losses split, and L2 narrows the gap', async ({ page }) => {
  // 6,000 mini-batches take ~15 s on an idle 2-core machine; leave room for a busy one.
  test.setTimeout(200_000);
  const widget = await openFit(page);
  const plain = await gapAfter(widget, 3000);
  expect(plain).toBeGreaterThan(0.1);
  const l2 = widget.getByRole('textbox', { name: 'L2 系数' });
  await l2.fill('0.05');
  await l2.press('Enter');
  const regularised = await gapAfter(widget, 3000);
  expect(regularised).toBeLessThan(plain);
});

test('early stopping halts training when validation loss stops improving', async ({ page }) => {
  const widget = await openFit(page);
  await widget.getByRole('checkbox', { name: /早停/ }).check();
  await widget.getByRole('button', { name: '运行' }).click();
  await expect(widget.getByRole('alert')).toContainText('早停', { timeout: COMPUTE_TIMEOUT });
  await expect(widget.getByRole('button', { name: '运行' })).toBeVisible();
});
