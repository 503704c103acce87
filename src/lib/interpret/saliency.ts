/**
 * Gradient saliency of a next-character prediction (Simonyan, Vedaldi & Zisserman 2014, "Deep
 * Inside Convolutional Networks: Visualising Image Classification Models and Saliency Maps", §3:
 * the magnitude of the gradient of a class score with respect to the input; for text, with
 * respect to each input's embedding vector, as Li et al. 2016, "Visualizing and Understanding
 * Neural Models in NLP"). For inputs e_1 … e_T (the embedded characters) and the character y
 * the model predicts next (its argmax, i.e. what it would write at temperature 0):
 *   score_j = ‖∂ ln p(y | e_1 … e_T) / ∂e_j‖₂,   one non-negative number per input character.
 * The L2 norm, not gradient×input: it says how sensitive the prediction is to each input, with
 * no sign and independent of the embedding's own length. Gradients come from tf.valueAndGrad.
 * Needs gradient kernels registered (`@tensorflow/tfjs-core/dist/register_all_gradients`).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TransformerConfig } from '../transformer/config';
import { forward, pick } from '../transformer/forward';
import type { Weights } from '../transformer/weights';
import { embedLstm, lstmLastLogits, type LstmWeights } from './lstm';

export interface Saliency {
  /** Vocabulary id of the predicted character y (the argmax after the inputs), or the target asked for. */
  target: number;
  /** ln p(y | inputs), nats (≤ 0). */
  logProb: number;
  /** scores[j] = ‖∂ ln p(y)/∂e_j‖₂ ≥ 0, one per input character, j = 0 … T−1. */
  scores: number[];
}

/**
 * Saliency for token vectors e [T, E] and a function giving the next-character logits [V] from
 * them (which must be differentiable in e). `target` defaults to the argmax (found with one more
 * forward pass). Frees what it makes.
 */
export function saliencyOf(e: tf.Tensor2D, lastLogits: (e: tf.Tensor2D) => tf.Tensor1D, target?: number): Saliency {
  const [y, logProb, norms] = tf.tidy(() => {
    // With a target given, one forward pass (inside valueAndGrad) is enough; else one more finds the argmax.
    const y = target ?? (tf.argMax(lastLogits(e)).dataSync()[0] as number);
    const f = (x: tf.Tensor2D) => {
      const logp = tf.logSoftmax(lastLogits(x));
      return tf.sum(tf.mul(logp, tf.oneHot(tf.tensor1d([y], 'int32'), logp.shape[0]))) as tf.Scalar;
    };
    const { value, grad } = tf.valueAndGrad(f)(e);
    return [y, value, tf.sqrt(tf.sum(tf.square(grad), 1))] as const;
  });
  const out = { target: y, logProb: logProb.dataSync()[0], scores: Array.from(norms.dataSync() as Float32Array) };
  tf.dispose([logProb, norms]);
  return out;
}

/** The LSTM's saliency for the character it predicts after `ids` (at least one). Throws RangeError when ids is empty. */
export function lstmSaliency(w: LstmWeights, ids: ArrayLike<number>, target?: number): Saliency {
  if (ids.length === 0) throw new RangeError('saliency needs at least one input character');
  const e = embedLstm(w, ids);
  try {
    return saliencyOf(e, (x) => lstmLastLogits(w, x), target);
  } finally {
    e.dispose();
  }
}

/** The Transformer's token vectors E[ids], [T, d] (before the position embedding is added). */
export const embedGpt = (w: Weights, ids: ArrayLike<number>): tf.Tensor2D =>
  tf.tidy(() => tf.gather(pick(w, 'tok_emb'), tf.tensor1d(Int32Array.from(ids), 'int32')) as tf.Tensor2D);

/** The Transformer's next-character logits [V] after token vectors e [T, d] standing for `ids`. */
export const gptLastLogits = (c: TransformerConfig, w: Weights, ids: ArrayLike<number>, e: tf.Tensor2D): tf.Tensor1D =>
  tf.tidy(() => {
    const x = tf.tensor2d(Int32Array.from(ids), [1, ids.length], 'int32');
    const { logits } = forward(c, w, x, { embedded: tf.expandDims(e, 0) as tf.Tensor3D });
    return tf.reshape(tf.slice(logits, [0, ids.length - 1, 0], [1, 1, -1]), [-1]);
  });

/**
 * The Transformer's saliency for the character it predicts after `ids`, with respect to the
 * token embeddings (the position embeddings are added to them, so the gradient is the same as
 * with respect to x⁰). Throws RangeError when ids is empty or longer than the context.
 */
export function gptSaliency(c: TransformerConfig, w: Weights, ids: ArrayLike<number>, target?: number): Saliency {
  if (ids.length === 0 || ids.length > c.contextLength) throw new RangeError(`saliency needs 1 … ${c.contextLength} input characters, got ${ids.length}`);
  const e = embedGpt(w, ids);
  try {
    return saliencyOf(e, (x) => gptLastLogits(c, w, ids, x), target);
  } finally {
    e.dispose();
  }
}
