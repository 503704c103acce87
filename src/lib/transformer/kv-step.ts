/**
 * One position of the Transformer read against a key/value cache, with few kernels: generation
 * runs this once per character, and on WebAssembly its cost is mostly the fixed cost of each
 * TF.js kernel, not arithmetic (d = 128: about 0.8 M multiply-adds a character).
 *
 * The weights are rearranged once (prepareStep), with the same algebra as forward.ts:
 * - LayerNorm's γ and β move into the matrix that follows it: (n ⊙ γ + β)·W + b = n·(diag(γ)W) + (βW + b),
 *   n the normalised input, so each LayerNorm is only `normalize`;
 * - the 1/√d_k of the attention scores moves into W_Q and b_Q;
 * - keys and values come from one matMul, laid out per head as [k | v] (2·d_k numbers), and each
 *   layer caches them as one tensor [h, S, 2·d_k]: one concat a step grows the cache;
 * - each head's query is laid out the same way with zeros where the values are, so q·[k | v]ᵀ is
 *   q·kᵀ for every head at once (a batched matMul over the heads), and the attention weights times
 *   [k | v] give [w·K | w·V], whose key half W_O's zero rows ignore.
 * No slice, transpose or mask runs in a step: a single query may attend to every cached key (and
 * WebAssembly's Slice would copy its whole input out of the module's memory).
 */
import * as tf from '@tensorflow/tfjs-core';
import { headSize, type TransformerConfig } from './config';
import { pick } from './forward';
import { gelu, normalize } from './layers';
import { blockName, type Weights } from './weights';

/**
 * One block's weights, rearranged for a one-position step (see the file comment). Matrices are
 * rank 3, [1, m, n], the shape the fused matMul kernel works on, so a step reshapes nothing.
 */
type StepLayer = {
  /** [1, d, 2d]: per head [diag(γ₁)W_Q/√d_k | 0]; bias [2d]. */
  q: tf.Tensor3D;
  qBias: tf.Tensor1D;
  /** [1, d, 2d]: per head [diag(γ₁)W_K | diag(γ₁)W_V]; bias [2d]. */
  kv: tf.Tensor3D;
  kvBias: tf.Tensor1D;
  /** [1, 2d, d]: per head d_k zero rows, then that head's rows of W_O; bias b_O. */
  o: tf.Tensor3D;
  oBias: tf.Tensor1D;
  /** diag(γ₂)W₁ [1, d, d_ff] and β₂W₁ + b₁; W₂ [1, d_ff, d] and b₂ as they are. */
  w1: tf.Tensor3D;
  b1: tf.Tensor1D;
  w2: tf.Tensor3D;
  b2: tf.Tensor1D;
};

/** Everything one step reads; own tensors, freed by disposeStep. */
export type StepWeights = {
  tok: tf.Tensor2D;
  pos: tf.Tensor2D;
  layers: StepLayer[];
  /** diag(γ_f)·W_out [1, d, V] (W_out = Eᵀ when tied) and β_f·W_out + b_out. */
  head: tf.Tensor3D;
  headBias: tf.Tensor1D;
};

/** One layer's cache: keys and values of the positions read, per head [k | v], [h, S, 2·d_k]. */
export type KvCache = tf.Tensor3D;

/**
 * A bias as its own rank-1 tensor: WebAssembly's fused matMul reads the shape its data was made
 * with, and a reshape shares the data of a higher-rank tensor.
 */
const vector = (t: tf.Tensor): tf.Tensor1D => tf.tensor1d(t.dataSync() as Float32Array);

/** A matrix [m, n] as the fused kernel's [1, m, n], with data of its own (see `vector`). */
const matrix = (t: tf.Tensor): tf.Tensor3D => tf.tensor3d(t.dataSync() as Float32Array, [1, t.shape[0]!, t.shape[1]!]);

/** W and b with the LayerNorm (γ, β) before them folded in: diag(γ)W and βW + b. */
function fold(gamma: tf.Tensor, beta: tf.Tensor, w: tf.Tensor2D, b: tf.Tensor): [tf.Tensor2D, tf.Tensor1D] {
  const d = w.shape[0];
  return [tf.mul(tf.reshape(gamma, [d, 1]), w), vector(tf.add(tf.matMul(tf.reshape(beta, [1, d]), w), b))];
}

/** x·W + b in one kernel: x [1, 1, m], w [1, m, n], b [n] → [1, 1, n]. */
const affine = (x: tf.Tensor, w: tf.Tensor3D, b: tf.Tensor1D): tf.Tensor3D =>
  tf.engine().runKernel(tf._FusedMatMul, { a: x, b: w, bias: b }, { transposeA: false, transposeB: false, activation: 'linear' }) as tf.Tensor3D;

/** Interleaves per head: columns of a and b ([d, h·d_k] each) → [d, h·2d_k], head i as [a_i | b_i]. */
function perHead(a: tf.Tensor, b: tf.Tensor, heads: number): tf.Tensor2D {
  const rows = a.shape.length === 1 ? 1 : a.shape[0];
  const dk = a.shape.at(-1)! / heads;
  return tf.reshape(tf.concat([tf.reshape(a, [rows, heads, dk]), tf.reshape(b, [rows, heads, dk])], 2), [rows, 2 * heads * dk]);
}

/**
 * The step's weights from the model's (forward.ts's names). Throws when one is missing. The
 * results are new tensors; `w` stays the caller's.
 */
export function prepareStep(c: TransformerConfig, w: Weights): StepWeights {
  return tf.tidy(() => {
    const scale = 1 / Math.sqrt(headSize(c));
    const layers = Array.from({ length: c.layers }, (_, l): StepLayer => {
      const p = (part: string) => pick(w, blockName(l, part));
      const [g1, b1] = [p('ln1/gamma'), p('ln1/beta')];
      const [wq, bq] = fold(g1, b1, tf.mul(p('attn/wq'), scale), tf.mul(p('attn/bq'), scale));
      const [wk, bk] = fold(g1, b1, p('attn/wk') as tf.Tensor2D, p('attn/bk'));
      const [wv, bv] = fold(g1, b1, p('attn/wv') as tf.Tensor2D, p('attn/bv'));
      const [w1, bias1] = fold(p('ln2/gamma'), p('ln2/beta'), p('mlp/w1') as tf.Tensor2D, p('mlp/b1'));
      const dk = headSize(c);
      const wo = tf.reshape(p('attn/wo'), [c.heads, dk, c.dModel]);
      return {
        q: matrix(perHead(wq, tf.zerosLike(wq), c.heads)),
        qBias: vector(perHead(bq, tf.zerosLike(bq), c.heads)),
        kv: matrix(perHead(wk, wv, c.heads)),
        kvBias: vector(perHead(bk, bv, c.heads)),
        o: matrix(tf.reshape(tf.concat([tf.zerosLike(wo), wo], 1), [2 * c.dModel, c.dModel])),
        oBias: vector(p('attn/bo')),
        w1: matrix(w1),
        b1: bias1,
        w2: matrix(p('mlp/w2')),
        b2: vector(p('mlp/b2')),
      };
    });
    const out = c.tiedEmbeddings ? tf.transpose(pick(w, 'tok_emb')) : (pick(w, 'head/kernel') as tf.Tensor2D);
    const [head, headBias] = fold(pick(w, 'lnf/gamma'), pick(w, 'lnf/beta'), out as tf.Tensor2D, pick(w, 'head/bias'));
    // Copies, so that disposing the step never frees the caller's weights.
    return { tok: tf.clone(pick(w, 'tok_emb') as tf.Tensor2D), pos: tf.clone(pick(w, 'pos_emb') as tf.Tensor2D), layers, head: matrix(head), headBias };
  });
}

/** Frees what prepareStep made. */
export function disposeStep(s: StepWeights): void {
  tf.dispose([s.tok, s.pos, s.head, s.headBias, ...s.layers.flatMap((l) => Object.values(l) as tf.Tensor[])]);
}

/**
 * Reads character `id` at position `position` (0-based, < contextLength) after the positions in
 * `past` (one KvCache per layer, or null for the first character). Returns the next character's
 * logits [1, V] and each layer's cache grown by this position; the caller frees both (and the
 * old cache, which is left as it was). Throws when `id` or `position` is out of range.
 */
export function stepOne(
  c: TransformerConfig,
  s: StepWeights,
  id: number,
  position: number,
  past: readonly KvCache[] | null,
): { logits: tf.Tensor2D; cache: KvCache[] } {
  if (!Number.isInteger(id) || id < 0 || id >= c.vocabSize) throw new RangeError(`character id ${id} is outside 0 … ${c.vocabSize - 1}`);
  if (!Number.isInteger(position) || position < 0 || position >= c.contextLength)
    throw new RangeError(`position ${position} is outside the context length ${c.contextLength}`);
  const d = c.dModel;
  const h = c.heads;
  const cache: KvCache[] = [];
  const logits = tf.tidy(() => {
    // Gather, not slice: WebAssembly's Slice copies its whole input (here the V × d embedding) to JavaScript first.
    const row = (table: tf.Tensor2D, i: number) => tf.gather(table, tf.tensor1d([i], 'int32'));
    let x = tf.reshape(tf.add(row(s.tok, id), row(s.pos, position)), [1, 1, d]);
    s.layers.forEach((L, l) => {
      const n = normalize(x);
      const q = tf.reshape(affine(n, L.q, L.qBias), [h, 1, (2 * d) / h]);
      const fresh: KvCache = tf.reshape(affine(n, L.kv, L.kvBias), [h, 1, (2 * d) / h]);
      const kv = past ? tf.concat([past[l], fresh], 1) : fresh;
      cache.push(tf.keep(kv));
      const weights = tf.softmax(tf.matMul(q, kv, false, true));
      const heads = tf.reshape(tf.matMul(weights, kv), [1, 1, 2 * d]);
      x = tf.add(x, affine(heads, L.o, L.oBias));
      x = tf.add(x, affine(gelu(affine(normalize(x), L.w1, L.b1)), L.w2, L.b2));
    });
    return tf.reshape(affine(normalize(x), s.head, s.headBias), [1, c.vocabSize]) as tf.Tensor2D;
  });
  return { logits, cache };
}

/** forward()'s cache of one layer (k, v [1, h, S, d_k]) in the step's layout [h, S, 2·d_k]; frees nothing. */
export const toKvCache = (k: tf.Tensor4D, v: tf.Tensor4D): KvCache =>
  tf.tidy(() => {
    const [, h, S, dk] = k.shape;
    return tf.reshape(tf.concat([k, v], 3), [h, S, 2 * dk]);
  });
