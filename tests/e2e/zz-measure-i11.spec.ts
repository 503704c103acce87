import { expect, test } from '@playwright/test';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';
test('measure long tasks of first 分析', async ({ page }) => {
  test.setTimeout(200_000);
  await page.addInitScript(() => {
    (window as any).__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  const widget = await openWidget(page, '/chapter-10/' + (process.env.HASH ?? ''), '动手：看模型内部在做什么');
  await page.waitForTimeout(3000);
  const t0 = await page.evaluate(() => { (window as any).__lt = []; return performance.now(); });
  await widget.getByRole('button', { name: '分析', exact: true }).click();
  await expect(widget).toHaveAttribute('data-analysed', 'yes', { timeout: COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-running', 'false', { timeout: COMPUTE_TIMEOUT });
  const t1 = await page.evaluate(() => performance.now());
  const lt = await page.evaluate(() => (window as any).__lt);
  console.log('total ms', Math.round(t1 - t0), 'long tasks', JSON.stringify(lt), 'backend', await widget.locator('header').innerText());
  // second
  await page.evaluate(() => { (window as any).__lt = []; });
  await widget.getByRole('button', { name: '分析', exact: true }).click();
  await expect(widget).toHaveAttribute('data-running', 'false', { timeout: COMPUTE_TIMEOUT });
  console.log('second', JSON.stringify(await page.evaluate(() => (window as any).__lt)));
});
