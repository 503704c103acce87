/**
 * The §5.2 LSTM run over token vectors instead of ids, so that its hidden units can be read at
 * every position and its output differentiated with respect to the embedded inputs. Gates in
 * Keras's order (i, f, c̃, o), as textgen/stepper.ts, from zero state:
 *   z_t = e_t·K + h_{t−1}·R + b,  c_t = σ(z_f) ⊙ c_{t−1} + σ(z_i) ⊙ tanh(z_c),  h_t = σ(z_o) ⊙ tanh(c_t)
 *   logits after character t = h_t·D + d.
 * A unit test checks this against CharStepper position by position.
 */
import * as tf from '@tensorflow/tfjs-core';
import { WEIGHT_NAMES } from '../textgen/stepper';

/** The six LSTM weights: emb [V, E], K [E, 4U], R [U, 4U], b [4U], D [U, V], d [V]. */
export interface LstmWeights {
  emb: tf.Tensor2D;
  K: tf.Tensor2D;
  R: tf.Tensor2D;
  b: tf.Tensor1D;
  D: tf.Tensor2D;
  d: tf.Tensor1D;
}

/** The weights by their tfjs-layers names (textgen/stepper.ts WEIGHT_NAMES); throws an Error in words when one is missing. */
export function lstmWeights(w: tf.NamedTensorMap): LstmWeights {
  const [emb, K, R, b, D, d] = WEIGHT_NAMES.map((n) => {
    const t = Object.hasOwn(w, n) ? w[n] : undefined;
    if (!t) throw new Error(`检查点缺少权重 ${n}`);
    return t;
  });
  return { emb, K, R, b, D, d } as LstmWeights;
}

/** Hidden units U of the model. */
export const unitCount = (w: LstmWeights): number => w.R.shape[0];

/** The embedded inputs e = emb[ids], [T, E]. */
export const embedLstm = (w: LstmWeights, ids: ArrayLike<number>): tf.Tensor2D => tf.tidy(() => tf.gather(w.emb, tf.tensor1d(Int32Array.from(ids), 'int32')));

/** The LSTM's state after some characters: h and c, [U] each, as plain numbers. */
export interface LstmState {
  h: number[];
  c: number[];
}

/**
 * Hidden states h_1 … h_T, [T, U], for token vectors e [T, E] (T ≥ 1), from `from` (zero state
 * when absent); `last` receives the final h and c [1, U] when given (kept: the caller frees them).
 */
export function lstmHidden(w: LstmWeights, e: tf.Tensor2D, from?: LstmState, last?: (h: tf.Tensor2D, c: tf.Tensor2D) => void): tf.Tensor2D {
  return tf.tidy(() => {
    const [T] = e.shape;
    const U = unitCount(w);
    let h: tf.Tensor2D = from ? tf.tensor2d(from.h, [1, U]) : tf.zeros([1, U]);
    let c: tf.Tensor2D = from ? tf.tensor2d(from.c, [1, U]) : tf.zeros([1, U]);
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const z = tf.add(tf.add(tf.matMul(tf.slice(e, [t, 0], [1, -1]), w.K), tf.matMul(h, w.R)), w.b);
      const [zi, zf, zc, zo] = tf.split(z, 4, 1);
      c = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zc)));
      h = tf.mul(tf.sigmoid(zo), tf.tanh(c));
      hs.push(h);
    }
    if (last) last(tf.keep(h), tf.keep(c));
    return tf.concat(hs, 0);
  });
}

/** Next-character logits [V] after the last of the token vectors e [T, E]. */
export const lstmLastLogits = (w: LstmWeights, e: tf.Tensor2D): tf.Tensor1D =>
  tf.tidy(() => {
    const hs = lstmHidden(w, e);
    const last = tf.slice(hs, [hs.shape[0] - 1, 0], [1, -1]);
    return tf.reshape(tf.add(tf.matMul(last, w.D), w.d), [-1]);
  });

/**
 * Every hidden unit's activation h_t[u] ∈ (−1, 1) after reading each character, as plain
 * numbers [T][U] (row t: the state after ids[0 … t]). Frees what it makes.
 */
export function lstmActivations(w: LstmWeights, ids: ArrayLike<number>): number[][] {
  return lstmActivationsFrom(w, ids).acts;
}

/**
 * lstmActivations for the next characters `ids` after a state `from` (zero state when absent),
 * with the state after them, so a long text can be read a few characters at a time: reading
 * ids in parts, each from the previous part's state, gives the same rows as reading them whole.
 */
export function lstmActivationsFrom(w: LstmWeights, ids: ArrayLike<number>, from?: LstmState): { acts: number[][]; state: LstmState | undefined } {
  if (ids.length === 0) return { acts: [], state: from };
  let end: tf.Tensor2D[] = [];
  const hs = tf.tidy(() => lstmHidden(w, embedLstm(w, ids), from, (h, c) => (end = [h, c])));
  const acts = hs.arraySync();
  const [h, c] = end.map((t) => Array.from(t.dataSync()));
  tf.dispose([hs, ...end]);
  return { acts, state: { h, c } };
}
