/** End-of-chapter exercises: instant feedback with a link back, retries counted and kept, widget tasks checked against the widget. */
import { expect, test, type Page } from '@playwright/test';
import { formatCount } from '../../src/lib/scale/format';
import { parameterCount, TANG_GPT } from '../../src/lib/transformer/config';
import { hydrated } from './support/widgets';

const exercise = async (page: Page, id: string) => {
  const ex = page.locator(`[data-exercise-id="${id}"]`);
  await ex.scrollIntoViewIfNeeded();
  await hydrated(ex);
  return ex;
};
const sig = (z: number) => 1 / (1 + Math.exp(-z));

test('a wrong answer, then the right one: feedback, a link to the section, and two attempts kept after reload', async ({ page }) => {
  await page.goto('/chapter-04/');
  const ex = await exercise(page, 'ex-4-4');
  await ex.getByRole('radio').nth(1).check();
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('还不对');
  await expect(ex.getByRole('status')).toContainText('可以再试一次，或回到 4.2 节复习。');
  await ex.getByRole('radio').nth(0).check();
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('✓ 正确。'); // not '正确': a wrong answer's hint may name “正确值”
  await expect(ex.getByRole('link', { name: '回到 4.2 节' })).toHaveAttribute('href', '/chapter-04/#sec-4-2');
  await expect(ex).toHaveAttribute('data-attempts', '2');
  await page.reload();
  const again = await exercise(page, 'ex-4-4');
  await expect(again).toHaveAttribute('data-attempts', '2');
  await expect(again).toHaveAttribute('data-solved', 'true');
});

test('a numeric answer computed by hand is accepted; text is refused without counting an attempt', async ({ page }) => {
  await page.goto('/chapter-04/');
  const ex = await exercise(page, 'ex-4-1');
  await ex.getByLabel('你的答案').fill('abc');
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('必须是数字');
  await expect(ex).toHaveAttribute('data-attempts', '0');
  // The same 2-2-1 sigmoid network as the prompt, computed here independently.
  const a1 = [sig(0.5 * 1 - 0.3 * 2 + 0.1), sig(0.2 * 1 + 0.8 * 2 - 0.2)];
  const yHat = sig(1.0 * a1[0] - 1.0 * a1[1] + 0.05);
  await ex.getByLabel('你的答案').fill(yHat.toFixed(3));
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('✓ 正确。'); // not '正确': a wrong answer's hint may name “正确值”
});

test('a wrong numeric answer hears direction and size in words: 0 is not “符号不对”, and no difference gives the answer away', async ({ page }) => {
  await page.goto('/chapter-04/');
  const ex = await exercise(page, 'ex-4-1');
  await ex.getByLabel('你的答案').fill('0');
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('答案不是 0：正确值是正数');
  await expect(ex.getByRole('status')).not.toContainText('符号');
  await expect(ex.getByRole('status')).not.toContainText('相差');
  await ex.getByLabel('你的答案').fill('50');
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('偏大，差了一个数量级以上');
});

test('an exact whole-number answer: a wrong one hears no direction (no halving to the answer); the count is accepted as the book prints it', async ({
  page,
}) => {
  await page.goto('/appendix-a/');
  const ex = await exercise(page, 'ex-A-1');
  const status = ex.getByRole('status');
  for (const wrong of ['1', '999999']) {
    await ex.getByLabel('你的答案').fill(wrong);
    await ex.getByRole('button', { name: '检查答案' }).click();
    await expect(status).toContainText('✗ 还不对。需与正确值完全一致。');
    await expect(status).not.toContainText(/偏大|偏小|数量级|一倍|一成/);
  }
  // With thousands separators (791,992) and in full-width digits, as a Chinese keyboard writes them.
  const count = parameterCount(TANG_GPT);
  await ex.getByLabel('你的答案').fill(formatCount(count).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(status).toContainText('✓ 正确。');
});

test('the five steps of §3.2 can be put in order from the keyboard', async ({ page }) => {
  await page.goto('/chapter-03/');
  const ex = await exercise(page, 'ex-3-1');
  const want = ['初始化模型参数', '前向传播', '计算损失函数', '反向传播', '迭代优化'];
  for (let target = 0; target < want.length; target++) {
    const items = () => ex.locator('.order li span').allInnerTexts();
    let at = (await items()).findIndex((t) => t.includes(want[target]));
    while (at > target) {
      await ex.getByRole('button', { name: `上移“${(await items())[at]}”` }).press('Enter');
      at--;
    }
  }
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('✓ 正确。'); // not '正确': a wrong answer's hint may name “正确值”
});

test('the divergence task completes when the training widget really diverges', async ({ page }) => {
  await page.goto('/chapter-03/');
  const task = await exercise(page, 'ex-3-4');
  await expect(task.getByRole('status').first()).toContainText('尚未完成');
  const widget = page.getByRole('region', { name: '动手：观察五步训练循环' });
  await widget.scrollIntoViewIfNeeded();
  await hydrated(widget);
  const lr = widget.getByRole('textbox', { name: '学习率' });
  await lr.fill('1000000');
  await lr.press('Enter');
  await widget.getByRole('button', { name: '运行' }).click();
  await expect(widget.getByRole('alert').filter({ hasText: '发散' })).toBeVisible();
  await expect(task).toHaveAttribute('data-solved', 'true');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('dmx.progress')!).tasks['ex-3-4'])).toBeTruthy();
});

test('exercises in use have no axe violations', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await page.goto('/chapter-04/');
  const ex = await exercise(page, 'ex-4-5');
  await ex.getByRole('checkbox').first().check();
  await ex.getByRole('button', { name: '检查答案' }).click();
  const { violations } = await new AxeBuilder({ page }).include('.exercise').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});
