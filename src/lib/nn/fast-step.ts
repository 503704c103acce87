/**
 * The training widget's mini-batch step with as few TF.js kernels as the maths allows. It computes
 * the same numbers as trainStep (forward → loss → backward → update, the corrected §4.2
 * equations of backprop.ts) in about half the kernels and one tidy scope:
 * - σ′(z⁽ˡ⁾) comes from a⁽ˡ⁾ (activationGradFromOutput), so z is never kept or σ recomputed
 *   (tf.fused.matMul would not help: for these shapes it runs five kernels, not two);
 * - the mini-batch is passed in already sliced, and f′ = 1 (identity output) is not multiplied in;
 * - the squared loss is summed in plain JS from the residual ŷ − y, which backprop needs anyway;
 * - max |W⁽ˡ⁾ᵢⱼ| (the divergence check) is read from the updated weights, with no kernels;
 * - with plain SGD (θ ← θ − α g), α is folded into ∂ℒ/∂a⁽ᴸ⁾ = α(ŷ − y)/m, so every later product
 *   is already α·g and each parameter is updated by one subtraction: 6 fewer kernels for 2-4-2-1.
 * On the CPU backend (the widgets' first choice) every number is bit-identical to trainStep's
 * with momentum and Adam, and within float32 rounding (≤ 1e-6 relative) with SGD, where α
 * multiplies earlier; the loss is summed in double rather than single precision.
 * Every step of the §3.2 widget runs here: at 2-4-2-1 and batch 10, TF.js's per-kernel dispatch,
 * not arithmetic, is the cost, so the kernel count is the speed, and the kernels are called
 * through the engine directly (kernels.ts), without the ops' per-call scopes and checks.
 */
import * as tf from '@tensorflow/tfjs-core';
import { outputFn, outputGrad } from './activations';
import * as K from './kernels';
import { lossGrad, lossValue } from './loss';
import type { Params } from './network';
import type { Optimizer } from './optimizers';
import type { NetworkSpec } from './spec';

export interface FastStepResult {
  /** The updated parameters (the old ones are disposed). */
  params: Params;
  /** Loss on the batch before the update. */
  loss: number;
  /** max |W⁽ˡ⁾ᵢⱼ| after the update; NaN if a weight is NaN. */
  largestWeight: number;
}

/**
 * One step on the batch X [m, n₀] with targets y [m, n_L]; `l2` adds λW to each ∂ℒ/∂W as in
 * backward(). Leaves no tensors behind except the returned parameters.
 */
export function fastTrainStep(spec: NetworkSpec, params: Params, opt: Optimizer, X: tf.Tensor2D, y: tf.Tensor2D, l2 = 0): FastStepResult {
  const L = params.W.length;
  const squared = spec.loss === 'squared' && spec.output === 'identity';
  // Plain SGD: the gradients come out already multiplied by α and are subtracted as they are.
  const folded = opt.kind === 'sgd' && squared;
  const { grads, residual, lossT, nextW, nextB } = tf.tidy(() => {
    const one = tf.scalar(1);
    const a: tf.Tensor2D[] = [X];
    for (let l = 0; l < L; l++) a.push(K.activate(spec.activation, K.add(K.matMul(a[l], params.W[l], false, true), params.b[l])) as tf.Tensor2D);
    const yHat = (spec.output === 'identity' ? a[L] : outputFn(spec.output, a[L])) as tf.Tensor2D;
    const m = yHat.shape[0];
    // For squared loss and identity output, ∂ℒ/∂a⁽ᴸ⁾ = (ŷ − y)/m: lossGrad's arithmetic, f′ = 1 skipped.
    const residual = squared ? K.sub(yHat, y) : undefined;
    const dA = !residual
      ? tf.mul(lossGrad(spec.loss, yHat, y), outputGrad(spec.output, yHat))
      : folded
        ? K.mul(residual, tf.scalar(opt.learningRate / m))
        : K.div(residual, tf.scalar(m));
    const decay = l2 > 0 ? tf.scalar(folded ? opt.learningRate * l2 : l2) : undefined;
    const dW: tf.Tensor2D[] = new Array(L);
    const db: tf.Tensor1D[] = new Array(L);
    let delta = K.mul(dA, K.activationGradFromOutput(spec.activation, a[L], one));
    for (let l = L - 1; l >= 0; l--) {
      const grad = K.matMul(delta, a[l], true, false);
      dW[l] = (decay ? K.add(grad, K.mul(params.W[l], decay)) : grad) as tf.Tensor2D;
      db[l] = K.sumRows(delta) as tf.Tensor1D;
      if (l > 0) delta = K.mul(K.matMul(delta, params.W[l]), K.activationGradFromOutput(spec.activation, a[l], one));
    }
    // Two arrays rather than a Params: tf.tidy's return type takes plain records of tensors only.
    const nextW = folded ? params.W.map((w, l) => K.sub(w, dW[l]) as tf.Tensor2D) : undefined;
    const nextB = folded ? params.b.map((b, l) => K.sub(b, db[l]) as tf.Tensor1D) : undefined;
    return { grads: { delta: [], dW, db }, residual, lossT: residual ? undefined : lossValue(spec.loss, yHat, y), nextW, nextB };
  });
  let loss: number;
  if (residual) {
    const r = residual.dataSync();
    let sum = 0;
    for (let i = 0; i < r.length; i++) sum += r[i] * r[i];
    loss = (0.5 * sum) / residual.shape[0];
  } else loss = lossT!.dataSync()[0];
  const next: Params | undefined = nextW && nextB ? { W: nextW, b: nextB } : undefined;
  if (next) tf.dispose([...params.W, ...params.b]);
  const updated = next ?? opt.step(params, grads);
  tf.dispose([residual, lossT, ...grads.dW, ...grads.db].filter((t) => t !== undefined));
  let largestWeight = 0;
  for (const w of updated.W)
    for (const v of w.dataSync()) largestWeight = Number.isNaN(v) || Number.isNaN(largestWeight) ? Number.NaN : Math.max(largestWeight, Math.abs(v));
  return { params: updated, loss, largestWeight };
}
