/**
 * Losses averaged over the batch, and their derivative ∂ℒ/∂ŷ, which starts backpropagation.
 * squared: ℒ = (1/m) Σᵢ ½‖ŷᵢ − yᵢ‖²            ∂ℒ/∂ŷ = (ŷ − y)/m
 * bce:     ℒ = −(1/m) Σᵢ [y log ŷ + (1−y) log(1−ŷ)]  ∂ℒ/∂ŷ = (ŷ − y)/(ŷ(1−ŷ)m)
 * ŷ is clipped to [ε, 1−ε] for BCE so log and the division stay finite.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Loss } from './spec';

export const BCE_EPS = 1e-7;

export function lossValue(kind: Loss, yHat: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const m = yHat.shape[0];
    if (kind === 'squared') return tf.mul(tf.sum(tf.square(tf.sub(yHat, y))), 0.5 / m) as tf.Scalar;
    const p = tf.clipByValue(yHat, BCE_EPS, 1 - BCE_EPS);
    const ll = tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))));
    return tf.mul(tf.sum(ll), -1 / m) as tf.Scalar;
  });
}

export function lossGrad(kind: Loss, yHat: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const m = yHat.shape[0];
    if (kind === 'squared') return tf.div(tf.sub(yHat, y), m) as tf.Tensor2D;
    const p = tf.clipByValue(yHat, BCE_EPS, 1 - BCE_EPS);
    return tf.div(tf.sub(p, y), tf.mul(tf.mul(p, tf.sub(1, p)), m)) as tf.Tensor2D;
  });
}
