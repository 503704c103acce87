/**
 * The forward pass of the decoder-only, pre-LayerNorm Transformer (GPT-2: Radford et al. 2019,
 * §2.3, with attention as in Vaswani et al. 2017, §3.2):
 *   x⁰ = E[ids] + P[positions]
 *   per block:  x ← x + MHA(LN₁(x)),   x ← x + MLP(LN₂(x)),   MLP(u) = GELU(u·W₁ + b₁)·W₂ + b₂
 *   logits = LN_f(x)·W_out + b_out,  W_out = Eᵀ when the embeddings are tied.
 * MHA(u) = Concat(head₁ … head_h)·W_O + b_O with head_i = softmax(Q_iK_iᵀ/√d_k + M)·V_i and
 * Q = u·W_Q + b_Q (K, V alike), M the causal mask. Dropout (on the embeddings, the attention
 * weights and each residual branch) runs only when `training` is given.
 */
import * as tf from '@tensorflow/tfjs-core';
import { headSize, type TransformerConfig } from './config';
import { causalMask, dense, gelu, joinHeads, layerNorm, splitHeads } from './layers';
import { blockName, type Weights } from './weights';

/** Keys and values of one layer for the positions already read: [B, h, S, d_k] each. */
export interface LayerCache {
  k: tf.Tensor4D;
  v: tf.Tensor4D;
}

export interface ForwardOptions {
  /** Dropout at `config.dropout`, seeded: training only. Omit for inference (no dropout). */
  training?: { seed: number };
  /** Also return every layer's attention weights. */
  attention?: boolean;
  /** Keys and values of earlier positions, one per layer; `ids` then continue from position S. */
  past?: readonly LayerCache[];
  /** Also return the keys and values of all positions read so far (past + ids), for the next call. */
  cache?: boolean;
  /** Token vectors [B, T, d] used in place of E[ids] (gradient saliency differentiates with respect to them). */
  embedded?: tf.Tensor3D;
}

export interface ForwardResult {
  /** Unnormalised next-character scores, [B, T, V]. */
  logits: tf.Tensor3D;
  /** Per layer, softmax weights [B, h, T, S]: row i is how query i spreads over keys 0 … S−1. */
  attention?: tf.Tensor4D[];
  /** Per layer, the keys and values of positions 0 … S−1 (S = past + T). */
  cache?: LayerCache[];
}

/** Weight by name; throws when the model lacks it. */
export function pick(w: Weights, name: string): tf.Tensor {
  const t = Object.hasOwn(w, name) ? w[name] : undefined;
  if (!t) throw new Error(`模型缺少权重 ${name}`);
  return t;
}

/**
 * Runs the model on `ids` [B, T] (int32). Throws RangeError when past + T exceeds
 * contextLength (there is no position embedding beyond it). The caller disposes what it gets
 * (disposeResult): attention and cache are kept, so they outlive an enclosing tf.tidy.
 */
export function forward(c: TransformerConfig, w: Weights, ids: tf.Tensor2D, opts: ForwardOptions = {}): ForwardResult {
  const [, T] = ids.shape;
  const offset = opts.past?.[0]?.k.shape[2] ?? 0;
  if (offset + T > c.contextLength) throw new RangeError(`${offset + T} characters exceed the context length ${c.contextLength}`);
  let dropSeed = opts.training?.seed ?? 0;
  const drop = (x: tf.Tensor) => (opts.training && c.dropout > 0 ? tf.dropout(x, c.dropout, undefined, dropSeed++) : x);
  const attention: tf.Tensor4D[] = [];
  const cache: LayerCache[] = [];
  const logits = tf.tidy(() => {
    const positions = tf.range(offset, offset + T, 1, 'int32');
    let x = drop(tf.add(opts.embedded ?? tf.gather(pick(w, 'tok_emb'), ids), tf.gather(pick(w, 'pos_emb'), positions)));
    const mask = causalMask(T, offset);
    const dk = headSize(c);
    for (let l = 0; l < c.layers; l++) {
      const p = (part: string) => pick(w, blockName(l, part));
      const u = layerNorm(x, p('ln1/gamma'), p('ln1/beta'));
      const q = splitHeads(dense(u, p('attn/wq'), p('attn/bq')), c.heads);
      let k = splitHeads(dense(u, p('attn/wk'), p('attn/bk')), c.heads);
      let v = splitHeads(dense(u, p('attn/wv'), p('attn/bv')), c.heads);
      const past = opts.past?.[l];
      if (past) [k, v] = [tf.concat([past.k, k], 2), tf.concat([past.v, v], 2)];
      const scores = tf.add(tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk)), mask);
      const weights = tf.softmax(scores) as tf.Tensor4D;
      if (opts.attention) attention.push(tf.keep(weights));
      if (opts.cache) cache.push({ k: tf.keep(k), v: tf.keep(v) });
      const heads = joinHeads(tf.matMul(drop(weights), v));
      x = tf.add(x, drop(dense(heads, p('attn/wo'), p('attn/bo'))));
      const hidden = gelu(dense(layerNorm(x, p('ln2/gamma'), p('ln2/beta')), p('mlp/w1'), p('mlp/b1')));
      x = tf.add(x, drop(dense(hidden, p('mlp/w2'), p('mlp/b2'))));
    }
    const out = layerNorm(x, pick(w, 'lnf/gamma'), pick(w, 'lnf/beta'));
    const [B, , d] = out.shape;
    const flat = tf.reshape(out, [B * T, d]);
    const scores = c.tiedEmbeddings ? tf.matMul(flat, pick(w, 'tok_emb') as tf.Tensor2D, false, true) : tf.matMul(flat, pick(w, 'head/kernel') as tf.Tensor2D);
    return tf.reshape(tf.add(scores, pick(w, 'head/bias')), [B, T, c.vocabSize]) as tf.Tensor3D;
  });
  return { logits, ...(opts.attention ? { attention } : {}), ...(opts.cache ? { cache } : {}) };
}

/** forward() on one sequence of plain ids, as a [1, T] batch; frees its input tensor. */
export function forwardOne(c: TransformerConfig, w: Weights, ids: ArrayLike<number>, opts: ForwardOptions = {}): ForwardResult {
  const x = tf.tensor2d(Int32Array.from(ids), [1, ids.length], 'int32');
  try {
    return forward(c, w, x, opts);
  } finally {
    x.dispose();
  }
}

/** Frees a forward pass's tensors (logits, attention, cache). */
export function disposeResult(r: ForwardResult): void {
  tf.dispose([r.logits, ...(r.attention ?? []), ...(r.cache ?? []).flatMap((l) => [l.k, l.v])]);
}

/**
 * Attention weights of one sequence as plain numbers, [layers][heads][T][T]: entry [l][h][i][j]
 * is how much position i attends to position j in head h of layer l (0 for j > i; rows sum to 1).
 * `ids` holds at most contextLength ids.
 */
export function attentionMaps(c: TransformerConfig, w: Weights, ids: ArrayLike<number>): number[][][][] {
  const r = forwardOne(c, w, ids, { attention: true });
  const maps = r.attention!.map((a) => (a.arraySync() as number[][][][])[0]);
  disposeResult(r);
  return maps;
}
