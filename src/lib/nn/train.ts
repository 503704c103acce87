/** One training step of the §3.2 loop: forward → loss → backward → update, leaving no tensors behind. */
import * as tf from '@tensorflow/tfjs-core';
import type { NetworkSpec } from './spec';
import { disposeForward, forward, type Params } from './network';
import { backward, disposeGradients } from './backprop';
import { lossValue } from './loss';
import type { Optimizer } from './optimizers';

export interface StepResult {
  params: Params;
  /** Loss on the batch before the update. */
  loss: number;
}

export function trainStep(spec: NetworkSpec, params: Params, opt: Optimizer, X: tf.Tensor2D, y: tf.Tensor2D, l2 = 0): StepResult {
  const pass = forward(spec, params, X);
  const lossT = lossValue(spec.loss, pass.yHat, y);
  const grads = backward(spec, params, pass, y, l2);
  const loss = lossT.dataSync()[0];
  lossT.dispose();
  disposeForward(pass);
  const next = opt.step(params, grads);
  disposeGradients(grads);
  return { params: next, loss };
}

/** Mean loss of the current parameters on a whole set (no update). */
export function evaluate(spec: NetworkSpec, params: Params, X: tf.Tensor2D, y: tf.Tensor2D): number {
  return tf.tidy(() => lossValue(spec.loss, forward(spec, params, X).yHat, y).dataSync()[0]);
}
