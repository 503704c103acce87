/**
 * The §10.4 view's notices about how its two models read the reader's text. Pure, no TF.js, so
 * the page (not only the analysis worker) can import it.
 */

/**
 * How the two models read the text, as notices: one each says the same of both (the checkpoints
 * share a character table); one only a model says is named with it (LSTM：…, Transformer：…), since a
 * model the reader trained on their own text has a table of its own, and “不在模型的字符表中” about
 * the other model would be false of it. Never throws.
 */
export function readNotices(lstm: readonly string[], gpt: readonly string[]): string[] {
  const both = lstm.filter((n) => gpt.includes(n));
  const own = (name: string, notices: readonly string[]) => notices.filter((n) => !both.includes(n)).map((n) => `${name}：${n}`);
  return [...both, ...own('LSTM', lstm), ...own('Transformer', gpt)];
}
