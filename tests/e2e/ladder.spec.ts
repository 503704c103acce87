/**
 * 附录 A.9's baseline ladder: the table shows, for each of the five rungs, the numbers of
 * public/models/ladder.json as written by `npm run ladder`, with the uniform rung at ln V,
 * recomputed here; and it is there without JavaScript (it is built, not a widget). Axe runs over
 * the whole page, this table included, in appendix.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const PATH = '/appendix-a/';
const ladder = JSON.parse(readFileSync('public/models/ladder.json', 'utf8')) as {
  heldOut: { vocabSize: number; characters: number };
  rows: { name: string; all: { nats: number; bits: number }; content: { nats: number; bits: number } }[];
};
const LABELS = ['均匀分布（每个字一样可能）', '一元模型（只看字频）', '二元模型（只看前一个字）', '5.2 节的 LSTM', '本书的 Transformer'];

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('A.9 shows the five rungs in nats and bits, over all characters and without punctuation', async ({ page }) => {
    await page.goto(PATH);
    const table = page.getByRole('figure', { name: /^基线阶梯/ }).getByRole('table');
    await expect(table.getByRole('rowheader')).toHaveText(LABELS);
    const row = (label: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
    for (const [i, r] of ladder.rows.entries()) {
      const cells = row(LABELS[i]).getByRole('cell');
      await expect(cells).toHaveText([r.all.nats.toFixed(3), r.all.bits.toFixed(2), r.content.nats.toFixed(3), r.content.bits.toFixed(2)]);
    }
    // The uniform rung is ln V nats, log₂ V bits, whichever checkpoint is shipped.
    const uniform = row(LABELS[0]).getByRole('cell');
    await expect(uniform.first()).toHaveText(Math.log(ladder.heldOut.vocabSize).toFixed(3));
    await expect(uniform.nth(1)).toHaveText(Math.log2(ladder.heldOut.vocabSize).toFixed(2));
  });

  test('the ladder sits right after the comparison table, before the paragraph on the context length', async ({ page }) => {
    await page.goto(PATH);
    const order = await page.locator('.sl-markdown-content').evaluate((root) => {
      const compare = [...root.querySelectorAll('table')].find((t) => t.textContent?.includes('比较项'))!;
      const ladderFigure = root.querySelector('figure.ladder')!;
      const context = [...root.querySelectorAll('p')].find((p) => p.textContent?.startsWith('上下文长'))!;
      const before = (a: Node, b: Node) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return [before(compare, ladderFigure), before(ladderFigure, context)];
    });
    expect(order).toEqual([true, true]);
  });
});
