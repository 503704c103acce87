/**
 * §4.2 stepper: a reader clicks through forward → loss → δ → gradients → update, and every number
 * on screen is checked against an independent double-precision computation made here from the
 * displayed inputs (weights, biases, sample).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { COMPUTE_TIMEOUT, hydrated, openWidget } from './support/widgets';

const nums = (s: string) => [...s.replace(/−/g, '-').matchAll(/-?\d+\.\d+/g)].map((m) => Number(m[0]));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** Displayed values have 4 decimals; recomputing from rounded inputs adds a little more. */
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(6e-4);

async function openStepper(page: Page): Promise<Locator> {
  return openWidget(page, '/chapter-04/', '动手：逐步执行反向传播');
}

async function next(widget: Locator, expectedStep: number) {
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', String(expectedStep));
}

/** Each line as announced; 'typeset equations' below proves the typeset numbers are the same. */
const lines = (widget: Locator) => widget.locator('.numbers li .line-text').allTextContents();

test('a full forward/backward/update cycle shows correct numbers', async ({ page }) => {
  const widget = await openStepper(page);
  const sample = nums(await widget.locator('.sample').innerText()); // x1, x2, y
  const [x1, x2, y] = sample;
  // Step 1: forward through layer 1.
  await next(widget, 0);
  const h = (await lines(widget)).map(nums); // [w_i1, x1, w_i2, x2, b_i, z_i, z_i, a_i]
  const a1 = h.map(([w1, , w2, , b, z, , a]) => {
    near(z, w1 * x1 + w2 * x2 + b);
    near(a, sigmoid(z));
    return a;
  });
  // Step 2: forward through layer 2.
  await next(widget, 1);
  const [[v1, , v2, , c, z2, , yHat]] = (await lines(widget)).map(nums);
  near(z2, v1 * a1[0] + v2 * a1[1] + c);
  near(yHat, sigmoid(z2));
  // Step 3: the loss.
  await next(widget, 2);
  const [loss] = nums((await lines(widget))[0]).slice(-1);
  near(loss, 0.5 * (yHat - y) ** 2);
  // Step 4: δ⁽²⁾ = (ŷ − y)σ′(z⁽²⁾).
  await next(widget, 3);
  const d2 = nums((await lines(widget))[0]).at(-1)!;
  near(d2, (yHat - y) * yHat * (1 - yHat));
  // Step 5: δ⁽¹⁾ = (W⁽²⁾)ᵀδ⁽²⁾ ⊙ σ′(z⁽¹⁾).
  await next(widget, 4);
  const d1 = (await lines(widget)).map((l) => nums(l).at(-1)!);
  d1.forEach((d, i) => near(d, [v1, v2][i] * d2 * a1[i] * (1 - a1[i])));
  // Step 6: gradients, and the autodiff check.
  await next(widget, 5);
  const grads = (await lines(widget)).map((l) => nums(l).at(-1)!);
  near(grads[0], d1[0] * x1);
  near(grads[1], d1[0] * x2);
  near(grads[6], d2 * a1[0]);
  await expect(widget.getByText(/与自动微分一致 ✓/)).toBeVisible();
  // Step 7: update with α.
  await next(widget, 6);
  const alpha = 0.5;
  const updated = (await lines(widget)).map(nums);
  const [w11] = h[0];
  near(updated[0].at(-1)!, w11 - alpha * grads[0]);
});

test('each step’s equations are typeset by KaTeX with the same numbers as the announced text', async ({ page }) => {
  const widget = await openStepper(page);
  for (let step = 0; step < 7; step++) {
    await next(widget, step);
    const items = widget.locator('.numbers li');
    await expect(items.first().locator('.katex')).toBeVisible();
    for (const item of await items.all()) {
      const typeset = (await item.locator('[data-slot]').allTextContents()).join(' ');
      expect(nums(typeset)).toEqual(nums((await item.locator('.line-text').textContent()) ?? ''));
    }
  }
  await expect(widget.locator('.formula .katex')).toBeVisible();
});

test('several updates make the loss fall', async ({ page }) => {
  const widget = await openStepper(page);
  for (let cycle = 0; cycle < 3; cycle++) for (let i = 0; i < 7; i++) await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget.locator('.losses')).toBeVisible();
  const losses = nums(await widget.locator('.losses').innerText());
  expect(losses.length).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1]);
});

test('the tensor count stays flat across cycles and reset', async ({ page }) => {
  const widget = await openStepper(page);
  await next(widget, 0);
  const start = await widget.getAttribute('data-tensors');
  for (let i = 0; i < 14; i++) await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '0');
  expect(await widget.getAttribute('data-tensors')).toBe(start);
  await widget.getByRole('button', { name: '重置' }).click();
  await next(widget, 0);
  expect(await widget.getAttribute('data-tensors')).toBe(start);
});

test('the stepper works from the keyboard and announces each step', async ({ page }) => {
  const widget = await openStepper(page);
  await widget.getByRole('button', { name: '下一步' }).focus();
  await page.keyboard.press('Enter');
  await expect(widget).toHaveAttribute('data-step', '0');
  await expect(widget.locator('[aria-live="polite"]')).toContainText('第 1 步，共 7 步：前向传播：第 1 层');
});

test('TF.js is not downloaded until the reader uses the stepper', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  const widget = await openStepper(page);
  expect(scripts.filter((u) => u.includes('tf-runtime'))).toEqual([]);
  await next(widget, 0);
  expect(scripts.filter((u) => u.includes('tf-runtime'))).toHaveLength(1);
});

test('the stepper in use has no axe violations, in both themes', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const widget = await openStepper(page);
  await next(widget, 0);
  for (const theme of ['浅色', '深色']) {
    await page.getByRole('combobox', { name: '选择主题' }).first().selectOption({ label: theme });
    const { violations } = await new AxeBuilder({ page }).include('.stepper').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  }
});

test('复制链接 gives a link that reproduces the same numbers', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await openStepper(page);
  await widget.getByRole('textbox', { name: '输入 x₁' }).fill('0.3');
  await widget.getByRole('textbox', { name: '输入 x₁' }).press('Enter');
  await widget.getByRole('textbox', { name: '随机种子' }).fill('5');
  await widget.getByRole('textbox', { name: '随机种子' }).press('Enter');
  await next(widget, 0);
  const original = await lines(widget);
  await widget.getByRole('button', { name: '复制链接' }).click();
  await expect(widget.getByRole('status')).toHaveText('链接已复制。');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toContain('bp.seed=5');

  const student = await browser.newContext();
  const other = await student.newPage();
  await other.goto(url);
  const copy = other.getByRole('region', { name: '动手：逐步执行反向传播' });
  await copy.scrollIntoViewIfNeeded();
  await hydrated(copy);
  await expect(copy.getByRole('textbox', { name: '输入 x₁' })).toHaveValue('0.3');
  await next(copy, 0);
  expect(await lines(copy)).toEqual(original);
  await student.close();
});

for (const [field, value, message] of [
  ['输入 x₁', '', /不能为空/],
  ['输入 x₂', 'abc', /必须是数字/],
  ['目标 y', 'Infinity', /必须是数字/],
  ['学习率 α', '1e308', /必须在 0.0001 到 10 之间/],
  ['学习率 α', '1e6', /必须在 0.0001 到 10 之间/],
  ['随机种子', '2.5', /必须是整数/],
] as const) {
  test(`${field} = “${value}” gets a clear message and no NaN`, async ({ page }) => {
    const widget = await openStepper(page);
    await next(widget, 0);
    const before = await lines(widget);
    const input = widget.getByRole('textbox', { name: field });
    await input.fill(value);
    await input.press('Enter');
    await expect(widget.getByRole('alert')).toHaveText(message);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(await lines(widget)).toEqual(before);
    expect(await widget.innerText()).not.toMatch(/NaN|Infinity(?!”)/);
  });
}

test('a link with a broken value explains itself and falls back to the default', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => dialogs.push(d.message()));
  await page.goto('/chapter-04/#bp.alpha=1e308&bp.x1=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  const widget = page.getByRole('region', { name: '动手：逐步执行反向传播' });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.getByRole('alert')).toHaveCount(2);
  await expect(widget.getByRole('alert').first()).toContainText('输入 x₁必须是数字');
  await expect(widget.getByRole('textbox', { name: '学习率 α' })).toHaveValue('0.5');
  await expect(widget.locator('script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('Tab to 下一步, Enter, then Space: two steps, and focus stays on the button', async ({ page }) => {
  const widget = await openStepper(page);
  const next = widget.getByRole('button', { name: '下一步' });
  await widget.getByRole('textbox', { name: '随机种子' }).focus();
  // 上一步 sits between the last field and 下一步; a reader tabs past it.
  for (let i = 0; i < 3 && !(await next.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget).toHaveAttribute('data-step', '0');
  // Ready again (it looks enabled; aria-disabled counts here too) before the next key.
  await expect(next).toBeEnabled();
  await page.keyboard.press('Space');
  await expect(widget).toHaveAttribute('data-step', '1');
  await expect(next).toBeFocused();
});

test('five quick Enter presses on 下一步 take five steps, none dropped while the first loads TF.js', async ({ page }) => {
  const widget = await openStepper(page);
  const next = widget.getByRole('button', { name: '下一步' });
  await next.focus();
  // The first press starts loading TF.js, so the other four arrive while the stepper is busy.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await expect(widget).toHaveAttribute('data-step', '4', { timeout: COMPUTE_TIMEOUT });
  await expect(next).toHaveAttribute('aria-disabled', 'false');
  await expect(widget).toHaveAttribute('data-step', '4');
  await expect(next).toBeFocused();
});
