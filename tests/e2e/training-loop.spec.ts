/** §3.2 training widget: the loop trains, stays leak-free, explains bad input and divergence, and its link reproduces it. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';

async function openTrainer(page: Page, hash = ''): Promise<Locator> {
  return openWidget(page, `/chapter-03/${hash}`, '动手：观察五步训练循环');
}

const trainLoss = async (w: Locator) => Number((await w.locator('.status').innerText()).match(/训练损失 ([\d.]+)/)?.[1]);

test('running the loop drives the training loss down', async ({ page }) => {
  const widget = await openTrainer(page);
  await widget.getByRole('button', { name: '单步' }).click();
  await expect(widget).toHaveAttribute('data-steps', '1');
  const first = await trainLoss(widget);
  await widget.getByRole('button', { name: '运行' }).click();
  await expect.poll(() => trainLoss(widget), { timeout: COMPUTE_TIMEOUT }).toBeLessThan(0.05);
  await widget.getByRole('button', { name: '暂停' }).click();
  expect(first).toBeGreaterThan(0.05);
});

test('the status line changing every frame is not live; starting, pausing and a single step are announced', async ({ page }) => {
  const widget = await openTrainer(page);
  await expect(widget.locator('.status')).not.toHaveAttribute('aria-live', /.*/);
  const live = widget.locator('[aria-live="polite"]').filter({ hasText: /训练|已/ });
  await widget.getByRole('button', { name: '单步' }).click();
  await expect(live).toHaveText(/^已训练 1 步，训练损失 [\d.]+。$/);
  await widget.getByRole('button', { name: '运行' }).click();
  await expect(live).toHaveText('训练中……');
  await expect.poll(async () => Number(await widget.getAttribute('data-steps')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(1);
  await widget.getByRole('button', { name: '暂停' }).click();
  const steps = await widget.getAttribute('data-steps');
  await expect(live).toHaveText(new RegExp(`^已暂停：已训练 ${steps} 步，训练损失 [\\d.]+。$`));
});

test('single step lights the five steps in turn', async ({ page }) => {
  const widget = await openTrainer(page);
  await expect(widget.locator('li[aria-current="step"]')).toHaveText('初始化模型参数');
  await widget.getByRole('button', { name: '单步' }).click();
  await expect(widget.locator('li[aria-current="step"]')).toHaveText('迭代优化');
});

test('the tensor count stays flat while training and after reset', async ({ page }) => {
  const widget = await openTrainer(page);
  await widget.getByRole('button', { name: '单步' }).click();
  await expect(widget).toHaveAttribute('data-steps', '1');
  const running = await widget.getAttribute('data-tensors');
  await widget.getByRole('button', { name: '运行' }).click();
  await expect.poll(async () => Number(await widget.getAttribute('data-steps')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(1000);
  await widget.getByRole('button', { name: '暂停' }).click();
  expect(await widget.getAttribute('data-tensors')).toBe(running);
  await widget.getByRole('button', { name: '重置' }).click();
  await widget.getByRole('button', { name: '单步' }).click();
  await expect(widget).toHaveAttribute('data-steps', '1');
  expect(await widget.getAttribute('data-tensors')).toBe(running);
});

test('learning rate 1e6 diverges, stops, and says what to do', async ({ page }) => {
  const widget = await openTrainer(page);
  const lr = widget.getByRole('textbox', { name: '学习率' });
  await lr.fill('1e6');
  await lr.press('Enter');
  await widget.getByRole('button', { name: '运行' }).click();
  await expect(widget.getByRole('alert')).toContainText('训练发散了');
  await expect(widget.getByRole('button', { name: '运行' })).toBeVisible();
  expect(await widget.innerText()).not.toContain('NaN');
});

for (const [field, value, message] of [
  ['学习率', 'abc', /学习率必须是数字/],
  ['学习率', '', /学习率不能为空/],
  ['噪声', '1e308', /噪声必须在 0 到 1 之间/],
  ['批大小', '0', /批大小必须在 1 到 250 之间/],
] as const) {
  test(`${field} = “${value}” gets a clear message`, async ({ page }) => {
    const widget = await openTrainer(page);
    const input = widget.getByRole('textbox', { name: field });
    await input.fill(value);
    await input.press('Enter');
    await expect(widget.getByRole('alert')).toHaveText(message);
  });
}

test('a cleared field stays empty beside its message while another field changes, and its previous value typed again is taken', async ({ page }) => {
  const widget = await openTrainer(page);
  const lr = widget.getByRole('textbox', { name: '学习率' });
  const noise = widget.getByRole('textbox', { name: '噪声' });
  const before = await lr.inputValue();
  await lr.fill('');
  await lr.press('Tab');
  await expect(widget.getByRole('alert')).toHaveText(/学习率不能为空/);
  await expect(lr).toHaveAttribute('aria-invalid', 'true');
  await expect(lr).toHaveValue('');
  // Another setting taken meanwhile restarts the widget, but neither brings back the refused field's old value nor hides its message.
  await noise.fill('0.2');
  await noise.press('Tab');
  await expect(page).toHaveURL(/train\.noise=0\.2/);
  await expect(lr).toHaveValue('');
  await expect(widget.getByRole('alert')).toHaveText(/学习率不能为空/);
  await lr.fill(before);
  await lr.press('Tab');
  await expect(widget.getByRole('alert')).toHaveCount(0);
  await expect(lr).not.toHaveAttribute('aria-invalid', 'true');
  await expect(lr).toHaveValue(before);
});

test('a link restores the configuration; a bad one is explained', async ({ page }) => {
  let widget = await openTrainer(page, '#train.dataset=xor&train.hidden=3,3,3&train.lr=0.1&train.optimizer=adam&train.seed=9');
  await expect(widget.getByRole('combobox', { name: '数据集' })).toHaveValue('xor');
  await expect(widget.getByRole('combobox', { name: '隐藏层数' })).toHaveValue('3');
  await expect(widget.getByRole('textbox', { name: '学习率' })).toHaveValue('0.1');
  widget = await openTrainer(page, '#train.hidden=4,99');
  await page.reload();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.getByRole('alert')).toContainText('每层神经元数必须在 1 到 8 之间');
});

test('the same seed gives the same numbers in a fresh browser', async ({ page, browser }) => {
  const losses = async (p: Page) => {
    const w = await openTrainer(p, '#train.seed=5');
    for (let i = 0; i < 3; i++) await w.getByRole('button', { name: '单步' }).click();
    await expect(w).toHaveAttribute('data-steps', '3');
    return w.locator('.status').innerText();
  };
  const context = await browser.newContext();
  expect(await losses(await context.newPage())).toBe(await losses(page));
  await context.close();
});

test('the training widget in use has no axe violations', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const widget = await openTrainer(page);
  await widget.getByRole('button', { name: '单步' }).click();
  await expect(widget).toHaveAttribute('data-steps', '1');
  const { violations } = await new AxeBuilder({ page }).include('.trainer').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test.describe('批大小 has one limit, typed or from a link', () => {
  // Chapter 3's widget trains on 250 points (n = 500, half for training): a batch can be the whole set, no more.
  const refused = '批大小必须在 1 到 250 之间，收到 251。';

  test('typing 251 is refused with the limit', async ({ page }) => {
    const widget = await openTrainer(page);
    const batch = widget.getByRole('textbox', { name: '批大小' });
    await batch.fill('251');
    await batch.press('Enter');
    await expect(widget.getByRole('alert')).toHaveText(refused);
  });

  test('a link with batch=251 is refused with the same message and keeps the default', async ({ page }) => {
    const widget = await openTrainer(page, '#train.batch=251');
    await expect(widget.getByRole('alert')).toHaveText(`链接中的设置有误，已改用默认值：${refused}`);
    await expect(widget.getByRole('textbox', { name: '批大小' })).toHaveValue('10');
  });

  test('typing 250 is accepted', async ({ page }) => {
    const widget = await openTrainer(page);
    const batch = widget.getByRole('textbox', { name: '批大小' });
    await batch.fill('250');
    await batch.press('Enter');
    await expect(page).toHaveURL(/train\.batch=250/);
    await expect(widget.getByRole('alert')).toHaveCount(0);
  });

  test('a link with batch=250 is accepted', async ({ page }) => {
    const widget = await openTrainer(page, '#train.batch=250');
    await expect(widget.getByRole('textbox', { name: '批大小' })).toHaveValue('250');
    await expect(widget.getByRole('alert')).toHaveCount(0);
  });

  test('names outside the widget’s own settings are ignored and reported', async ({ page }) => {
    const widget = await openTrainer(page, '#train.__proto__=1&train.toString=1&train.batch=20');
    await expect(widget.getByRole('textbox', { name: '批大小' })).toHaveValue('20');
    await expect(widget.getByRole('alert')).toHaveText([/“train\.__proto__”/, /“train\.toString”/]);
  });
});
