/**
 * 附录 A, the editors' appendix on the Transformer: it says it is not the article, carries the
 * numbered formulas (A.1)–(A.5) and two diagrams, checks its numeric exercise against a count
 * made here independently, is reached from the four chapter pages that mention attention or
 * BERT, and reads without JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TANG_GPT } from '../../src/lib/transformer/config';
import { appendices } from './support/site';

const PATH = '/appendix-a/';
const TITLE = '附录 A：从 LSTM 到 Transformer';

/** TANG_GPT's trainable weights, counted here part by part (not by the library's formula). */
function tangGptWeights(): number {
  const { vocabSize: V, contextLength: T, dModel: d, dFF: f, layers: N } = TANG_GPT;
  const attention = 4 * (d * d + d); // W_Q, W_K, W_V, W_O and their biases
  const mlp = d * f + f + f * d + d; // W_1, b_1, W_2, b_2
  const norms = 2 * 2 * d; // two LayerNorms, γ and β each
  return V * d + T * d + N * (attention + mlp + norms) + 2 * d + V; // + final LayerNorm + output bias (tied)
}

/** The exercise once its island has hydrated. */
async function exercise(page: Page, id: string) {
  const ex = page.locator(`[data-exercise-id="${id}"]`);
  await ex.scrollIntoViewIfNeeded();
  await expect(ex.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1);
  return ex;
}

test('opens with the editors’ note that it is not part of the article', async ({ page }) => {
  await page.goto(PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const note = page.getByRole('complementary', { name: '编者注：本附录不属于原文' });
  await expect(note).toContainText('不是原文《大模型：市场定位与技术创新》的一部分');
  // It comes first: before any section of the appendix.
  await expect(page.locator('.sl-markdown-content > *').first()).toHaveAttribute('aria-label', '编者注：本附录不属于原文');
});

test('numbers its display formulas (A.1), (A.2), … with anchors, starting with attention, mask, heads, LayerNorm and the block', async ({ page }) => {
  await page.goto(PATH);
  const numbers = await page.locator('.equation .equation-number').allTextContents();
  expect(numbers.slice(0, 5)).toEqual(['(A.1)', '(A.2)', '(A.3)', '(A.4)', '(A.5)']);
  expect(numbers).toEqual(numbers.map((_, i) => `(A.${i + 1})`));
  for (let i = 1; i <= 5; i++) await expect(page.locator(`#eq-A-${i} .katex-display`)).toBeVisible();
  await expect(page.locator('#eq-A-1')).toContainText('Attention');
  await expect(page.locator('#eq-A-3')).toContainText('MultiHead');
  await expect(page.locator('#eq-A-4')).toContainText('LN');
});

test('has a Transformer-block diagram and an LSTM-vs-Transformer diagram, each as a light and a dark SVG', async ({ page }) => {
  await page.goto(PATH);
  for (const name of [/^图 A\.1\s+LSTM 与 Transformer/, /^图 A\.2\s+一个 pre-LN Transformer 块/]) {
    const figure = page.getByRole('figure', { name });
    await expect(figure.locator(':scope > .diagram-light > svg')).toHaveCount(1);
    await expect(figure.locator(':scope > .diagram-dark > svg')).toHaveCount(1);
  }
});

test('the parameter-count exercise refuses a wrong count and accepts TANG_GPT’s', async ({ page }) => {
  await page.goto(PATH);
  const ex = await exercise(page, 'ex-A-1');
  const right = tangGptWeights();
  await ex.getByLabel('你的答案').fill(String(right + 3000));
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('还不对');
  await expect(ex).toHaveAttribute('data-solved', 'false');
  await ex.getByLabel('你的答案').fill(String(right));
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('✓ 正确。'); // not '正确': a wrong answer's hint may name “正确值”
  await expect(ex.getByRole('link', { name: '回到 A.7 节' })).toHaveAttribute('href', `${PATH}#sec-A-7`);
});

for (const [path, aside] of [
  ['/chapter-02/', '勘误：今天的大模型是 Transformer'],
  ['/chapter-05/', '编者注：LSTM 之后'],
  ['/chapter-06/', '勘误：BERT 不是视觉模型'],
  ['/chapter-08/', '编者注'],
] as const) {
  test(`${path} links to it from the aside “${aside}”`, async ({ page }) => {
    await page.goto(path);
    const link = page.getByRole('complementary', { name: aside, exact: true }).getByRole('link', { name: /^附录 A/ });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${PATH}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  });
}

test('sits in the sidebar group 拓展, after the chapters, with its sections counted for reading progress', async ({ page }) => {
  await page.goto(PATH);
  const nav = page.getByRole('navigation', { name: '主要' });
  const group = nav.locator('details', { has: page.locator('summary', { hasText: '拓展' }) });
  const link = group.getByRole('link', { name: new RegExp(`^${TITLE}`) });
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(link.locator('.read-count')).toHaveText(`0/${appendices[0].sections.length}`);
  await expect(page.getByRole('button', { name: '已读：A.1 为什么需要注意力' })).toBeVisible();
});

test('is the page after chapter 11', async ({ page }) => {
  await page.goto('/chapter-11/');
  await page.getByRole('link', { name: /下一页/ }).click();
  await expect(page).toHaveURL(new RegExp(`${PATH}$`));
});

test('logs no console errors and has no axe violations', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(PATH);
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('reads on its own: text, formulas, diagrams and the exercises’ questions', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.getByRole('complementary', { name: '编者注：本附录不属于原文' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'A.2 缩放点积注意力' })).toBeVisible();
    for (let i = 1; i <= 5; i++) await expect(page.locator(`#eq-A-${i} .katex-html`)).toBeVisible();
    const figures = page.locator('figure.diagram');
    await expect(figures).toHaveCount(2);
    await expect(page.locator('figure.diagram .diagram-variant:visible > svg')).toHaveCount(2);
    await expect(page.getByText(/按 A\.7 节的计数，它一共有多少个可训练参数/)).toBeVisible();
  });

  test('the widgets’ controls show they cannot be used: dimmed and not pressable, beside the note saying why', async ({ page }) => {
    await page.goto(PATH);
    const lab = page.getByRole('region', { name: '动手：Transformer 写诗，并与 LSTM 对比' });
    for (const control of [lab.getByRole('button', { name: '生成', exact: true }), lab.getByRole('spinbutton').or(lab.getByRole('textbox')).first()]) {
      await expect(control).toHaveCSS('pointer-events', 'none');
      await expect(control).toHaveCSS('opacity', '0.5');
    }
    // The exercises' questions, outside any control, read as usual.
    await expect(page.getByText(/按 A\.7 节的计数，它一共有多少个可训练参数/)).toHaveCSS('opacity', '1');
  });
});
