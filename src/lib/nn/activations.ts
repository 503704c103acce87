/** σ, its derivative σ′(z), and the output function f with f′ — each as elementwise tensor ops. */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, OutputFn } from './spec';

export function activate(kind: Activation, z: tf.Tensor): tf.Tensor {
  switch (kind) {
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
  }
}

/** σ′(z): sigmoid s(1−s), tanh 1−t², ReLU the step 1[z > 0] (0 at z = 0, as tf.relu's gradient). */
export function activationGrad(kind: Activation, z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    switch (kind) {
      case 'sigmoid': {
        const s = tf.sigmoid(z);
        return tf.mul(s, tf.sub(1, s));
      }
      case 'tanh':
        return tf.sub(1, tf.square(tf.tanh(z)));
      case 'relu':
        return tf.step(z, 0);
    }
  });
}

export function outputFn(kind: OutputFn, a: tf.Tensor): tf.Tensor {
  return kind === 'sigmoid' ? tf.sigmoid(a) : tf.clone(a);
}

/** f′(a), written in terms of ŷ = f(a) where that is cheaper: sigmoid gives ŷ(1−ŷ). */
export function outputGrad(kind: OutputFn, yHat: tf.Tensor): tf.Tensor {
  return tf.tidy(() => (kind === 'sigmoid' ? tf.mul(yHat, tf.sub(1, yHat)) : tf.onesLike(yHat)));
}
