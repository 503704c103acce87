/**
 * The stepper's "与自动微分一致 ✓": recompute ∂ℒ/∂W and ∂ℒ/∂b with TF.js autodiff (tf.grads over
 * the library's forward and loss) and report the largest |difference| from the hand-written pass.
 * Needs gradient kernels registered (`@tensorflow/tfjs-core/dist/register_all_gradients`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { lossValue } from './loss';
import { forward, type Params } from './network';
import type { NetworkSpec } from './spec';
import type { Trace } from './trace';

export function autodiffMaxDiff(spec: NetworkSpec, params: Params, x: number[], y: number[], trace: Trace): number {
  return tf.tidy(() => {
    const X = tf.tensor2d([x]);
    const Y = tf.tensor2d([y]);
    const L = params.W.length;
    const f = (...theta: tf.Tensor[]) =>
      lossValue(spec.loss, forward(spec, { W: theta.slice(0, L) as tf.Tensor2D[], b: theta.slice(L) as tf.Tensor1D[] }, X).yHat, Y);
    const grads = tf.grads(f)([...params.W, ...params.b]);
    const mine = [...trace.dW.map((w) => w.flat()), ...trace.db];
    let worst = 0;
    grads.forEach((g, i) => g.dataSync().forEach((v, k) => (worst = Math.max(worst, Math.abs(v - mine[i][k])))));
    return worst;
  });
}
