/**
 * §2.1 scale calculator: presets show their exact counts, GPT-3's compute comes out of the
 * calculator, bad custom input is explained (never NaN or Infinity), a copied link reproduces
 * the settings, it works from the keyboard, and without JavaScript the presets stay readable.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MODEL_LABELS } from '../../src/lib/scale/settings';
import { useTheme } from './support/site';
import { expectExerciseAccepts } from './support/widget-checks';
import { hydrated, openWidget } from './support/widgets';

const NAME = '动手：模型有多大，训练要多少算力';

async function openCalculator(page: Page, hash = ''): Promise<Locator> {
  return openWidget(page, `/chapter-02/${hash}`, NAME, { hover: true });
}

async function setField(widget: Locator, name: string, value: string) {
  const input = widget.getByRole('textbox', { name, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

const results = (widget: Locator) => widget.locator('.results');

/** Everything the calculator computed (results, tables, chart), without the messages that quote the reader's input. */
async function computedText(widget: Locator): Promise<string> {
  return (await widget.locator('.results p:not(.error), table, svg').allTextContents()).join('\n');
}

test('choosing presets shows each one’s exact parameter count', async ({ page }) => {
  const widget = await openCalculator(page);
  const model = widget.getByRole('combobox', { name: '模型' });
  for (const [label, count] of [
    ['BERT-base', '109,482,240'],
    ['GPT-2（124M）', '124,439,808'],
    ['Llama 3.1 8B', '8,030,261,248'],
    ['5.2 节的 LSTM', '677,816'],
    ['附录 A 的唐诗 Transformer', '791,992'],
  ]) {
    await model.selectOption({ label });
    await expect(results(widget)).toContainText(`${label}：${count} 个参数`);
  }
});

test('next to D the calculator says where D comes from: published, 20·N, or kept for 自定义', async ({ page }) => {
  const widget = await openCalculator(page);
  const model = widget.getByRole('combobox', { name: '模型' });
  const origin = widget.locator('.tokens-origin');
  await model.selectOption({ label: 'GPT-2（124M）' });
  await expect(origin).toHaveText('GPT-2（124M）没有公布训练词元数，按 D ≈ 20·N（Chinchilla，Hoffmann et al. 2022）估计。');
  await model.selectOption({ label: 'Llama 3.1 8B' });
  await expect(origin).toContainText('公布的训练词元数');
  await model.selectOption({ label: MODEL_LABELS.custom });
  await expect(widget.getByRole('textbox', { name: '训练词元数 D', exact: true })).toHaveValue('15000000000000');
  await expect(origin).toContainText('D 保持原值');
});

test('the book’s own models train on the tokens they really saw, and say so', async ({ page }) => {
  const widget = await openCalculator(page);
  const model = widget.getByRole('combobox', { name: '模型' });
  const origin = widget.locator('.tokens-origin');
  await model.selectOption({ label: '5.2 节的 LSTM' });
  await expect(widget.getByRole('textbox', { name: '训练词元数 D', exact: true })).toHaveValue('2046080');
  await expect(origin).toContainText('本书训练时：语料 138,561 字');
  await expect(origin).toContainText('× 16 轮');
  await model.selectOption({ label: '附录 A 的唐诗 Transformer' });
  await expect(origin).toContainText('× 11 轮');
  await model.selectOption({ label: '4.1 节的网络（2-2-1）' });
  await expect(origin).toContainText('没有在语料上训练');
  await expect(widget).not.toContainText('（2-2-1）没有公布');
});

test('once any field is invalid, only the field errors and “请先改正” show, no stale cross-field message', async ({ page }) => {
  const widget = await openCalculator(page);
  await widget.getByRole('combobox', { name: '模型' }).selectOption('custom');
  await setField(widget, 'd_model', '768');
  await setField(widget, '注意力头数', '10');
  await expect(results(widget).getByRole('alert')).toContainText('不能被注意力头数');
  await setField(widget, '层数', 'abc');
  await expect(results(widget).getByRole('alert')).toHaveText('请先改正上面标出的输入，结果才会更新。');
  await expect(widget).not.toContainText('不能被注意力头数');
});

test('the target days are written with the book’s thousands separator', async ({ page }) => {
  const widget = await openCalculator(page, '#scale.days=100000');
  await expect(results(widget)).toContainText('要在 100,000 天内训完');
});

test('the GPT-3 preset computes ≈ 3.1 × 10²³ FLOPs for its 300 B tokens', async ({ page }) => {
  const widget = await openCalculator(page);
  await widget.getByRole('combobox', { name: '模型' }).selectOption({ label: 'BERT-base' });
  await widget.getByRole('combobox', { name: '模型' }).selectOption({ label: 'GPT-3（175B）' });
  await expect(widget.getByRole('textbox', { name: '训练词元数 D' })).toHaveValue('300000000000');
  await expect(widget.locator('.flops')).toHaveText('3.14 × 10²³');
  await expect(widget.getByRole('img', { name: /参数量（对数坐标）/ })).toContainText('GPT-3（175B）（当前）');
});

test('bad custom input gets a clear message each, and never NaN or Infinity', async ({ page }) => {
  const widget = await openCalculator(page);
  await widget.getByRole('combobox', { name: '模型' }).selectOption('custom');
  await setField(widget, 'd_model', '768');
  await setField(widget, '注意力头数', '10');
  await expect(results(widget).getByRole('alert')).toContainText('d_model（768）不能被注意力头数（10）整除');
  await setField(widget, '注意力头数', '12');
  await expect(results(widget)).toContainText('自定义 Transformer：');
  for (const [field, text, message] of [
    ['层数', 'abc', '层数必须是数字'],
    ['层数', '0', '层数必须在 1 到 10,000 之间'],
    ['词表大小', '-5', '词表大小必须在 1 到 10,000,000 之间'],
    ['上下文长度', '1e400', '上下文长度太大了'],
    ['训练词元数 D', 'Infinity', '训练词元数 D 必须是数字'],
  ]) {
    await setField(widget, field, text);
    await expect(widget.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }
  await expect(results(widget).getByRole('alert')).toContainText('请先改正');
  const shown = await computedText(widget);
  expect(shown).toContain('GPT-3（175B）');
  expect(shown).not.toMatch(/NaN|Infinity/);
});

test('numbers typed as the book prints them (1,000 separators) or in full-width digits are read; an ambiguous grouping is refused', async ({ page }) => {
  const widget = await openCalculator(page);
  await setField(widget, '训练词元数 D', '3,000,000,000,000');
  await expect(widget.locator('.flops')).toHaveText('3.14 × 10²⁴');
  await setField(widget, '训练词元数 D', '３０００００００００００');
  await expect(widget.locator('.flops')).toHaveText('3.14 × 10²³');
  await expect(widget.getByRole('alert')).toHaveCount(0);
  await setField(widget, '训练词元数 D', '3,00');
  await expect(
    widget.getByRole('alert').filter({ hasText: '训练词元数 D 必须是数字，收到“3,00”：逗号只能作千位分隔符，每三位一个（如 1,000）' }),
  ).toBeVisible();
});

test('a number grouped with spaces (3 000) is refused with the hint a comma gets', async ({ page }) => {
  const widget = await openCalculator(page);
  await setField(widget, '训练词元数 D', '3 000');
  await expect(widget.getByRole('alert').filter({ hasText: '训练词元数 D 必须是数字' })).toHaveText(
    '训练词元数 D 必须是数字，收到“3 000”：数字中间不能有空格；逗号只能作千位分隔符，每三位一个（如 1,000）；小数点请用“.”。',
  );
});

test('a message sets a Latin field name apart and writes large bounds as the results are written', async ({ page }) => {
  const widget = await openCalculator(page);
  await widget.getByRole('combobox', { name: '模型' }).selectOption('custom');
  await setField(widget, 'd_model', '2000000');
  await expect(widget.getByRole('alert').filter({ hasText: 'd_model 必须在 1 到 1,000,000 之间，收到 2000000。' })).toBeVisible();
  await setField(widget, '训练词元数 D', '2e16');
  await expect(widget.getByRole('alert').filter({ hasText: '训练词元数 D 必须在 1 到 1 × 10¹⁶ 之间，收到 2e16。' })).toBeVisible();
  await expect(widget).not.toContainText(/d_model必须|10000000000000000/);
});

test('the largest custom model allowed shows scientific notation, not Infinity', async ({ page }) => {
  const widget = await openCalculator(page, '#scale.m=custom&scale.L=10000&scale.d=1000000&scale.h=1&scale.V=10000000&scale.D=1e16&scale.n=1&scale.u=1');
  await expect(widget.locator('.params')).toHaveText(/× 10¹⁷/);
  await expect(widget.locator('.flops')).toHaveText(/× 10³³/);
  expect(await computedText(widget)).not.toMatch(/NaN|Infinity/);
  // The count is not glossed with itself, and each memory cell keeps to one unit.
  await expect(results(widget)).not.toContainText('个参数（约');
  const fp32 = widget.getByRole('row', { name: /^fp32/ });
  await expect(fp32).toContainText('1.92 EB（0.48 EB + 0.48 EB + 0.96 EB）');
  expect(await widget.locator('table.memory').innerText()).not.toMatch(/字节（|× 10/);
  // The cards needed are scientific too (it wrote 890,462,740,399,454 out in full), and a long time is grouped (53600 年).
  await expect(widget.locator('.needed')).toHaveText(/^\d(\.\d+)? × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
  expect(await results(widget).innerText()).not.toMatch(/\d{5,} 年/);
});

test('exercise 2-5 accepts GPT-3’s training compute as the calculator shows it, in units of 10²³', async ({ page }) => {
  const widget = await openCalculator(page);
  await widget.getByRole('combobox', { name: '模型' }).selectOption({ label: 'GPT-3（175B）' });
  const [mantissa, exponent] = (await widget.locator('.flops').innerText()).split(' × ');
  expect(exponent).toBe('10²³');
  await expectExerciseAccepts(page, '/chapter-02/', 'ex-2-5', mantissa);
});

test('复制链接 gives a link that reproduces the same settings and results', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await openCalculator(page);
  await widget.getByRole('combobox', { name: '模型' }).selectOption('custom');
  await setField(widget, '层数', '6');
  await setField(widget, 'd_model', '512');
  await setField(widget, '注意力头数', '8');
  await widget.getByRole('combobox', { name: '加速卡' }).selectOption('h100');
  await setField(widget, '利用率（%）', '35');
  const original = await results(widget).innerText();
  await widget.getByRole('button', { name: '复制链接' }).click();
  await expect(widget.getByRole('status')).toHaveText('链接已复制。');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toContain('scale.m=custom');

  const student = await browser.newContext();
  const other = await student.newPage();
  await other.goto(url);
  const copy = other.getByRole('region', { name: NAME });
  await copy.hover();
  await hydrated(copy);
  await expect(copy.getByRole('textbox', { name: '层数' })).toHaveValue('6');
  await expect(copy.getByRole('combobox', { name: '加速卡' })).toHaveValue('h100');
  await expect(results(copy)).toHaveText(original);
  await student.close();
});

test('a shared link shows its settings before the reader points at the calculator', async ({ page }) => {
  // Opened without hover: the island hydrates because the link names it (client:interaction="scale").
  const widget = await openWidget(page, '/chapter-02/#scale.m=bert-base&scale.n=8', NAME);
  await expect(widget.getByRole('combobox', { name: '模型' })).toHaveValue('bert-base');
  await expect(results(widget)).toContainText('109,482,240');
});

test('a hand-typed link whose label ends in ）keeps it', async ({ page }) => {
  const widget = await openCalculator(page, '#scale.m=GPT-2（124M）');
  await expect(widget.getByRole('combobox', { name: '模型' })).toHaveValue('gpt2');
  await expect(widget.getByRole('alert')).toHaveCount(0);
  await expect(widget.getByRole('status').filter({ hasText: '已忽略' })).toHaveCount(0);
});

test('a 。 glued onto a hand-typed link is dropped, and the reader is told', async ({ page }) => {
  const widget = await openCalculator(page, '#scale.n=8。');
  await expect(widget.getByRole('status').filter({ hasText: '链接末尾的“。”已忽略（转发时常有标点粘在链接末尾）。' })).toBeVisible();
  await expect(results(widget)).toContainText('用 8 张');
});

test('a link with bad settings says so and keeps the defaults', async ({ page }) => {
  const widget = await openCalculator(page, '#scale.m=gpt5&scale.u=500');
  // Options are named as the model list shows them, not by their link ids.
  await expect(widget.getByRole('alert').filter({ hasText: '未知的模型“gpt5”' })).toContainText(`可选：${Object.values(MODEL_LABELS).join('、')}。`);
  await expect(widget.getByRole('alert').filter({ hasText: '利用率（%）必须在 1 到 100 之间' })).toBeVisible();
  await expect(widget.getByRole('combobox', { name: '模型' })).toHaveValue('gpt3');
});

test('works from the keyboard alone', async ({ page }) => {
  await page.goto('/chapter-02/');
  const widget = page.getByRole('region', { name: NAME });
  const model = widget.getByRole('combobox', { name: '模型' });
  await model.focus();
  await hydrated(widget);
  await expect(model).toBeFocused();
  await page.keyboard.press('Home');
  await expect(model).toHaveValue('nn41');
  await expect(results(widget)).toContainText('4.1 节的网络（2-2-1）：9 个参数');
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('textbox', { name: '训练词元数 D' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1000');
  await page.keyboard.press('Enter');
  await expect(widget.locator('.flops')).toHaveText('54,000');
});

test('the calculator in use, with an error showing, has no axe violations in the dark theme', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await useTheme(page, 'dark');
  const widget = await openCalculator(page, '#scale.m=custom&scale.h=7');
  await expect(results(widget).getByRole('alert')).toBeVisible();
  await setField(widget, '层数', 'x');
  await expect(widget.getByRole('alert').filter({ hasText: '层数必须是数字' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('.scale').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('at 375 px the chart keeps readable labels and scrolls sideways in a focusable region, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const widget = await openCalculator(page);
  const region = widget.getByRole('region', { name: /参数量图/ });
  await expect(region).toHaveAttribute('tabindex', '0');
  const chart = region.getByRole('img', { name: /各模型的参数量/ });
  // The SVG is drawn 640 units wide with 12-unit labels: at no less than 600 px they show at ≥ 11 px.
  const drawn = await chart.evaluate((svg) => svg.getBoundingClientRect().width);
  expect(drawn).toBeGreaterThanOrEqual(600);
  const label = await chart
    .locator('text.name')
    .first()
    .evaluate((t) => t.getBoundingClientRect().height);
  expect(label).toBeGreaterThanOrEqual(11);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await region.screenshot({ path: test.info().outputPath('scale-chart-375.png') });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the presets’ counts and sources are a static table', async ({ page }) => {
    await page.goto('/chapter-02/');
    const table = page.getByRole('table', { name: '预设模型的参数量（按结构逐层精确计算）' });
    await expect(table.getByRole('row', { name: /BERT-base.*109,482,240/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /GPT-3（175B）.*174,604,259,328/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /5\.2 节的 LSTM.*677,816/ })).toBeVisible();
    await expect(page.getByText(/Brown et al\. 2020/).first()).toBeVisible();
  });
});

test('the §2.1, §5.3 and §10.2 notes link to the calculator', async ({ page }) => {
  for (const [path, name] of [
    ['/chapter-02/', '下面的规模计算器'],
    ['/chapter-05/', '2.1 节的规模计算器'],
    ['/chapter-10/', '2.1 节的规模计算器'],
  ]) {
    await page.goto(path);
    await page.getByRole('link', { name }).click();
    await expect(page).toHaveURL(/\/chapter-02\/#scale-calculator$/);
    await expect(page.getByRole('region', { name: NAME })).toBeInViewport();
  }
});
