/** §4.1 forward explorer: edits to x and the weights update every z and a, checked independently here. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, openWidget } from './support/widgets';

const nums = (s: string) => [...s.replace(/−/g, '-').matchAll(/-?\d+\.\d+/g)].map((m) => Number(m[0]));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

async function openExplorer(page: Page, hash = ''): Promise<Locator> {
  return openWidget(page, `/chapter-04/${hash}`, '动手：改动 x 和权重，看每一层的 z 与 a', { hover: true });
}

async function setField(widget: Locator, name: string, value: string) {
  const input = widget.getByRole('textbox', { name, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

test('editing x₁ and a weight updates every layer with the right numbers', async ({ page }) => {
  const widget = await openExplorer(page);
  await setField(widget, 'x₁', '2');
  await setField(widget, 'W₁[1,1]', '-0.5');
  const lines = widget.locator('.numbers li');
  await expect(lines).toHaveCount(4);
  await expect(lines.first()).toContainText('(−0.5000)(2.0000)');
  const v = (name: string) => widget.getByRole('textbox', { name, exact: true }).inputValue().then(Number);
  const [x1, x2] = [await v('x₁'), await v('x₂')];
  const W1 = [
    [await v('W₁[1,1]'), await v('W₁[1,2]')],
    [await v('W₁[2,1]'), await v('W₁[2,2]')],
  ];
  const b1 = [await v('b₁[1]'), await v('b₁[2]')];
  const a1 = W1.map((r, i) => sigmoid(r[0] * x1 + r[1] * x2 + b1[i]));
  const y = sigmoid((await v('W₂[1,1]')) * a1[0] + (await v('W₂[1,2]')) * a1[1] + (await v('b₂')));
  const shown = (await lines.allTextContents()).map(nums);
  expect(Math.abs(shown[0].at(-1)! - a1[0])).toBeLessThan(1e-4);
  expect(Math.abs(shown[1].at(-1)! - a1[1])).toBeLessThan(1e-4);
  expect(Math.abs(shown[3].at(-1)! - y)).toBeLessThan(1e-4);
});

test('a link restores the same numbers and functions', async ({ page }) => {
  const widget = await openExplorer(page, '#fx.x1=-1.5&fx.act=tanh&fx.out=sigmoid');
  await expect(widget.getByRole('textbox', { name: 'x₁', exact: true })).toHaveValue('-1.5');
  await widget.getByRole('button', { name: '计算' }).click();
  await expect(widget.locator('.numbers li').first()).toContainText('tanh(');
  await expect(widget.locator('.numbers li').last()).toContainText('y = sigmoid(');
});

test('bad input gets a message and leaves the numbers as they were', async ({ page }) => {
  const widget = await openExplorer(page);
  await widget.getByRole('button', { name: '计算' }).click();
  await expect(widget.locator('.numbers li')).toHaveCount(4);
  const before = await widget.locator('.numbers li').allTextContents();
  await setField(widget, 'b₂', '1e308');
  await expect(widget.getByRole('alert')).toContainText('b₂必须在 -10 到 10 之间');
  expect(await widget.locator('.numbers li').allTextContents()).toEqual(before);
  expect(await widget.innerText()).not.toContain('NaN');
});

test('the explorer in use has no axe violations', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const widget = await openExplorer(page);
  await setField(widget, 'x₂', 'abc');
  await widget.getByRole('button', { name: '计算' }).click();
  await expect(widget.locator('.numbers li')).toHaveCount(4);
  const { violations } = await new AxeBuilder({ page }).include('.explorer').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('the explorer loads no JavaScript until the reader points at or tabs into it', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/chapter-04/');
  const widget = page.getByRole('region', { name: '动手：改动 x 和权重，看每一层的 z 与 a' });
  await widget.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /ForwardExplorer/.test(u))).toEqual([]);
  await widget.getByRole('textbox', { name: 'x₁', exact: true }).focus();
  await hydrated(widget);
  expect(scripts.filter((u) => /ForwardExplorer/.test(u))).toHaveLength(1);
});
