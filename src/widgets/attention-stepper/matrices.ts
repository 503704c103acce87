/**
 * Which matrices each of the ten steps shows, with their captions: the page renders them as heat
 * maps, the static figure and the tests name them by these captions.
 */
import type { HandSteps, Matrix } from '../../lib/transformer/hand';

export interface Shown {
  caption: string;
  matrix: Matrix;
  /** Decimals in each cell. */
  digits: number;
  /** Column headers; 1-based column numbers when absent. */
  columns?: string[];
}

/** A vocabulary entry as a column header: the line break as ↵. */
export const charLabel = (ch: string) => (ch === '\n' ? '↵' : ch);

/** The matrices of step k (1 … 10) for head `head` of layer `layer` (0-based; captions count from 1). */
export function stepMatrices(k: number, s: HandSteps, vocab: readonly string[]): Shown[] {
  const m = (caption: string, matrix: Matrix, digits = 3, columns?: string[]): Shown => ({ caption, matrix, digits, columns });
  const h = s.head + 1;
  switch (k) {
    case 1:
      return [
        m('E[c]：每个字的词向量', s.embeddings.token),
        m('P：位置向量', s.embeddings.position),
        m('x⁽⁰⁾ = E[c] + P', s.embeddings.sum),
        ...(s.layer > 0 ? [m(`x：第 ${s.layer + 1} 层的输入（上一层的输出）`, s.embeddings.x)] : []),
      ];
    case 2:
      return [m('u = LN₁(x)', s.qkv.u), m(`Q：第 ${h} 个头的查询`, s.qkv.q), m(`K：第 ${h} 个头的键`, s.qkv.k), m(`V：第 ${h} 个头的值`, s.qkv.v)];
    case 3:
      return [m('S = QKᵀ/√d_k', s.scores)];
    case 4:
      return [m('S′ = S + M（未来位置为 −∞）', s.masked)];
    case 5:
      return [m('A = softmax(S′)：注意力权重', s.weights)];
    case 6:
      return [m(`head${h} = AV`, s.weighted)];
    case 7:
      return [m('Concat(head₁, …, head_h)', s.joined.heads), m('MultiHead = Concat·W_O + b_O', s.joined.projected)];
    case 8:
      return [m('h = x + MultiHead', s.residual.sum), m('LN₂(h)', s.residual.normed)];
    case 9:
      return [m('z = GELU(LN₂(h)·W₁ + b₁)', s.mlp.hidden), m('z·W₂ + b₂', s.mlp.out), m('y = h + z·W₂ + b₂：块的输出', s.mlp.output)];
    case 10:
      return [
        m(
          'p：每个位置之后，下一个字的概率',
          s.next,
          4,
          vocab.map((c, id) => `${id} ${charLabel(c)}`),
        ),
      ];
    default:
      return [];
  }
}

/** The `n` likeliest next characters after each position: [T][n] of { char, p }, likeliest first. */
export function topNext(s: HandSteps, vocab: readonly string[], n = 5): { char: string; p: number }[][] {
  return s.next.map((row) =>
    row
      .map((p, id) => ({ char: charLabel(vocab[id] ?? '?'), p }))
      .sort((a, b) => b.p - a.p)
      .slice(0, n),
  );
}

/** A cell's text: `digits` decimals, − for minus, −∞ for the mask. Never NaN on screen: a non-number shows as —. */
export function cellText(v: number, digits: number): string {
  if (v === -Infinity) return '−∞';
  if (!Number.isFinite(v)) return '—';
  return (Object.is(v, -0) ? 0 : v).toFixed(digits).replace('-', '−');
}
