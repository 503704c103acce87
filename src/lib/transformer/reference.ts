/**
 * The whole model once more in plain float64 JavaScript, keeping every intermediate: the
 * attention stepper shows these numbers, and the tests check the TF.js model (forward.ts)
 * and its gradients against them. Same equations as forward.ts, one sequence, no dropout.
 */
import { headSize, type TransformerConfig } from './config';
import { add, affine, columns, gelu, layerNorm, maskFuture, matmul, scale, softmax, transpose, type Matrix, type Vector } from './plain';
import { blockName, type Weights } from './weights';

/** Weights as nested arrays: matrices as rows, vectors flat. */
export type PlainWeights = Record<string, Matrix | Vector>;

/** Reads the weights out of their tensors (a copy: changing it leaves the model alone). */
export const toPlain = (w: Weights): PlainWeights => Object.fromEntries(Object.entries(w).map(([k, t]) => [k, t.arraySync() as Matrix | Vector]));

/** Weight by name (own keys only); throws when it is missing. */
function get(w: PlainWeights, name: string): Matrix | Vector {
  if (!Object.hasOwn(w, name)) throw new Error(`模型缺少权重 ${name}`);
  return w[name];
}
const mat = (w: PlainWeights, name: string) => get(w, name) as Matrix;
const vec = (w: PlainWeights, name: string) => get(w, name) as Vector;

/** One head of one layer on normalised input u [T, d]. */
export interface HeadTrace {
  /** [T, d_k] each: u·W + b restricted to this head's columns. */
  q: Matrix;
  k: Matrix;
  v: Matrix;
  /** QKᵀ/√d_k, [T, T]. */
  scores: Matrix;
  /** The scores with −∞ on future positions. */
  masked: Matrix;
  /** Row-wise softmax of the masked scores, [T, T]. */
  weights: Matrix;
  /** weights · V, [T, d_k]. */
  out: Matrix;
}

export interface BlockTrace {
  /** The block's input x [T, d] and u = LN₁(x). */
  input: Matrix;
  normed: Matrix;
  heads: HeadTrace[];
  /** Concat(head₁ … head_h) [T, d] and its projection ·W_O + b_O. */
  joined: Matrix;
  projected: Matrix;
  /** x + attention, and LN₂ of it. */
  residual: Matrix;
  normed2: Matrix;
  /** GELU(·W₁ + b₁) [T, d_ff], ·W₂ + b₂ [T, d], and the block's output residual + MLP. */
  hidden: Matrix;
  mlp: Matrix;
  output: Matrix;
}

export interface ModelTrace {
  /** E[ids] and P[0 … T−1], [T, d] each, and their sum. */
  token: Matrix;
  position: Matrix;
  embedded: Matrix;
  blocks: BlockTrace[];
  /** [T, V]: logits, and the softmax of each row, the next-character distribution. */
  logits: Matrix;
  probs: Matrix;
}

function block(c: TransformerConfig, w: PlainWeights, l: number, x: Matrix): BlockTrace {
  const n = (part: string) => blockName(l, part);
  const dk = headSize(c);
  const normed = layerNorm(x, vec(w, n('ln1/gamma')), vec(w, n('ln1/beta')));
  const [Q, K, V] = ['q', 'k', 'v'].map((m) => affine(normed, mat(w, n(`attn/w${m}`)), vec(w, n(`attn/b${m}`))));
  const heads = Array.from({ length: c.heads }, (_, h): HeadTrace => {
    const [q, k, v] = [Q, K, V].map((m) => columns(m, h * dk, (h + 1) * dk));
    const scores = scale(matmul(q, transpose(k)), 1 / Math.sqrt(dk));
    const masked = maskFuture(scores);
    const weights = masked.map(softmax);
    return { q, k, v, scores, masked, weights, out: matmul(weights, v) };
  });
  const joined = x.map((_, i) => heads.flatMap((h) => h.out[i]));
  const projected = affine(joined, mat(w, n('attn/wo')), vec(w, n('attn/bo')));
  const residual = add(x, projected);
  const normed2 = layerNorm(residual, vec(w, n('ln2/gamma')), vec(w, n('ln2/beta')));
  const hidden = affine(normed2, mat(w, n('mlp/w1')), vec(w, n('mlp/b1'))).map((row) => row.map(gelu));
  const mlp = affine(hidden, mat(w, n('mlp/w2')), vec(w, n('mlp/b2')));
  return { input: x, normed, heads, joined, projected, residual, normed2, hidden, mlp, output: add(residual, mlp) };
}

/** The model on one sequence of at most contextLength ids, every step kept. Throws RangeError past the context. */
export function trace(c: TransformerConfig, w: PlainWeights, ids: readonly number[]): ModelTrace {
  if (ids.length > c.contextLength) throw new RangeError(`${ids.length} characters exceed the context length ${c.contextLength}`);
  const token = ids.map((id) => [...mat(w, 'tok_emb')[id]]);
  const position = ids.map((_, i) => [...mat(w, 'pos_emb')[i]]);
  const embedded = add(token, position);
  const blocks: BlockTrace[] = [];
  let x = embedded;
  for (let l = 0; l < c.layers; l++) {
    blocks.push(block(c, w, l, x));
    x = blocks[l].output;
  }
  const out = layerNorm(x, vec(w, 'lnf/gamma'), vec(w, 'lnf/beta'));
  const head = c.tiedEmbeddings ? transpose(mat(w, 'tok_emb')) : mat(w, 'head/kernel');
  const logits = affine(out, head, vec(w, 'head/bias'));
  return { token, position, embedded, blocks, logits, probs: logits.map(softmax) };
}

/** Mean cross-entropy, nats per character, of predicting targets[i] after ids[0 … i], in float64. */
export function crossEntropy64(c: TransformerConfig, w: PlainWeights, ids: readonly number[], targets: readonly number[]): number {
  const { probs } = trace(c, w, ids);
  return -targets.reduce((s, t, i) => s + Math.log(probs[i][t]), 0) / targets.length;
}
