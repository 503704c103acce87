/**
 * One head's computation "by hand", for the attention stepper of 附录 A: the ten steps the page
 * walks through, each as plain numbers from the checkpoint's weights (float64, computed by
 * reference.ts without TF.js), and a check of the result against the TF.js forward pass.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TransformerConfig } from './config';
import { disposeResult, forwardOne } from './forward';
import type { Matrix, Vector } from './plain';
import { trace, type PlainWeights } from './reference';
import type { Weights } from './weights';

/** The stepper's input limit lives with its other settings (hand-input.ts, which needs no TF.js). */
import { HAND_MAX_CHARS } from './hand-input';
export { HAND_MAX_CHARS };

export interface HandSteps {
  ids: number[];
  layer: number;
  head: number;
  /** 1. Token embeddings E[ids], positions P[0 … T−1] and their sum x⁰, [T, d]; x is the block's input (x⁰ in layer 0). */
  embeddings: { token: Matrix; position: Matrix; sum: Matrix; x: Matrix };
  /** 2. u = LN₁(x), and this head's Q = uW_Q + b_Q, K, V, [T, d_k] each. */
  qkv: { u: Matrix; q: Matrix; k: Matrix; v: Matrix };
  /** 3. QKᵀ/√d_k, [T, T]. */
  scores: Matrix;
  /** 4. The scores with −∞ where a query would see its future. */
  masked: Matrix;
  /** 5. Row-wise softmax: the attention weights, [T, T]. */
  weights: Matrix;
  /** 6. weights · V, [T, d_k]. */
  weighted: Matrix;
  /** 7. All heads side by side [T, d], and their projection ·W_O + b_O. */
  joined: { heads: Matrix; projected: Matrix };
  /** 8. The residual x + attention, and LN₂ of it. */
  residual: { sum: Matrix; normed: Matrix };
  /** 9. The MLP: GELU(·W₁ + b₁) [T, d_ff], ·W₂ + b₂ [T, d], and the block's output. */
  mlp: { hidden: Matrix; out: Matrix; output: Matrix };
  /** 10. The next-character distribution after each position, [T, V] (after the remaining blocks and LN_f). */
  next: Matrix;
}

/**
 * The ten steps for head `head` of layer `layer` on `ids`. Throws RangeError for no ids, more
 * than HAND_MAX_CHARS (or contextLength) ids, or a layer or head out of range.
 */
export function handSteps(c: TransformerConfig, w: PlainWeights, ids: readonly number[], layer = 0, head = 0): HandSteps {
  if (ids.length < 1 || ids.length > Math.min(HAND_MAX_CHARS, c.contextLength)) throw new RangeError(`需要 1–${HAND_MAX_CHARS} 个字符`);
  if (!(layer >= 0 && layer < c.layers && head >= 0 && head < c.heads)) throw new RangeError(`没有第 ${layer + 1} 层第 ${head + 1} 个头`);
  const t = trace(c, w, ids);
  const b = t.blocks[layer];
  const h = b.heads[head];
  return {
    ids: [...ids],
    layer,
    head,
    embeddings: { token: t.token, position: t.position, sum: t.embedded, x: b.input },
    qkv: { u: b.normed, q: h.q, k: h.k, v: h.v },
    scores: h.scores,
    masked: h.masked,
    weights: h.weights,
    weighted: h.out,
    joined: { heads: b.joined, projected: b.projected },
    residual: { sum: b.residual, normed: b.normed2 },
    mlp: { hidden: b.hidden, out: b.mlp, output: b.output },
    next: t.probs,
  };
}

const maxAbsDiff = (a: ArrayLike<number>, b: readonly number[]) => b.reduce((m, v, i) => Math.max(m, Math.abs(a[i] - v)), 0);

/**
 * The largest |difference| between the hand computation and the TF.js forward pass of the same
 * weights, over the head's attention weights and every next-character probability. The stepper
 * shows it beside a ✓; float32 against float64 leaves about 1e-7.
 */
export function checkAgainstForward(c: TransformerConfig, w: Weights, steps: HandSteps): number {
  const T = steps.ids.length;
  const r = forwardOne(c, w, steps.ids, { attention: true });
  const diff = tf.tidy(() => {
    const att = tf.slice(r.attention![steps.layer], [0, steps.head, 0, 0], [1, 1, T, T]).dataSync();
    const probs = tf.softmax(r.logits).dataSync();
    return Math.max(maxAbsDiff(att, steps.weights.flat()), maxAbsDiff(probs, steps.next.flat()));
  });
  disposeResult(r);
  return diff;
}

/** Type re-exports for the stepper's widget. */
export type { Matrix, Vector };
