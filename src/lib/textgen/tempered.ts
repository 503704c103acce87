/**
 * What generation draws a character from, computed by the backend from the model's logits l
 * rather than in JavaScript from its probabilities p = softmax(l): with temperature T,
 *   q_i = p_i^(1/T) / Σ_{j≠0} p_j^(1/T) = exp(l_i / T) / Σ_{j≠0} exp(l_j / T),   q_0 = 0,
 * the formula of sample.ts `reshape` (softmax's shift by log Σ exp l cancels), over the known
 * characters only: <unk> (id 0) stands for "some rare character", read but never written.
 * Setting its logit to −∞ before the softmax, rather than zeroing q_0 after, matters at small T,
 * where a likely <unk> would otherwise take all the mass and leave every other q_i at 0 in float32.
 * In JavaScript the same took a log and an exp per vocabulary entry and character (3,000 each,
 * ~70 µs a character, as long as a third of the LSTM step); here it is one division and the
 * softmax the model's own distribution needs anyway (issue 12), and in the LSTM's stepper not even
 * the division: its output layer is scaled by 1/T once per temperature (stepper.ts).
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * softmax(logits / T) along the last axis; `logits` [1, V] (or [V]), T > 0 (callers take the argmax
 * below sample.ts GREEDY_BELOW instead). T = 1 divides nothing.
 */
export const temperedSoftmax = <T extends tf.Tensor>(logits: T, temperature: number): T =>
  tf.softmax(temperature === 1 ? logits : tf.div(logits, temperature)) as T;

/** A copy of `bias` [V] with −∞ at <unk> (id 0): an output layer with it never gives <unk> any probability. */
export const knownOnly = (bias: tf.Tensor1D): tf.Tensor1D => tf.tidy(() => tf.add(bias, unknownMask(bias.shape[0])) as tf.Tensor1D);

/** [V]: −∞ at <unk> (id 0), 0 elsewhere; added to logits, it leaves <unk> out of a softmax. */
export function unknownMask(vocabSize: number): tf.Tensor1D {
  const mask = new Float32Array(vocabSize);
  if (vocabSize) mask[0] = -Infinity;
  return tf.tensor1d(mask);
}
