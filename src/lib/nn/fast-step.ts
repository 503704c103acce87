/**
 * The training widget's mini-batch step with as few TF.js kernels as the maths allows. It computes
 * the same numbers as trainStep (forward → loss → backward → update, the corrected §4.2
 * equations of backprop.ts) in about half the kernels, run in one KernelScope (kernels.ts):
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
 * without the engine (kernels.ts KernelScope): no per-call scopes, checks or tf.Tensor objects,
 * and only the new parameters become tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import { outputFn, outputGrad } from './activations';
import { KernelScope } from './kernels';
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
  const k = new KernelScope();
  try {
    const one = k.scalar(1);
    const a: tf.TensorInfo[] = [X];
    for (let l = 0; l < L; l++) a.push(k.activate(spec.activation, k.add(k.matMul(a[l], params.W[l], false, true), params.b[l])));
    // f(a⁽ᴸ⁾) through the op, on a tensor view of a⁽ᴸ⁾ made outside tf.tidy (which would free the view).
    const aL = spec.output === 'identity' ? undefined : k.borrow(a[L]);
    const yHat = aL ? k.adopt(tf.tidy(() => outputFn(spec.output, aL))) : a[L];
    const m = yHat.shape[0];
    // For squared loss and identity output, ∂ℒ/∂a⁽ᴸ⁾ = (ŷ − y)/m: lossGrad's arithmetic, f′ = 1 skipped.
    const residual = squared ? k.sub(yHat, y) : undefined;
    // Other losses go through the ops, on a tensor view of ŷ made the same way.
    const yHatT = residual ? undefined : k.borrow<tf.Rank.R2>(yHat);
    const dA = !residual
      ? k.adopt(tf.tidy(() => tf.mul(lossGrad(spec.loss, yHatT!, y), outputGrad(spec.output, yHatT!))))
      : folded
        ? k.mul(residual, k.scalar(opt.learningRate / m))
        : k.div(residual, k.scalar(m));
    const decay = l2 > 0 ? k.scalar(folded ? opt.learningRate * l2 : l2) : undefined;
    const dW: tf.TensorInfo[] = new Array(L);
    const db: tf.TensorInfo[] = new Array(L);
    let delta = k.mul(dA, k.activationGradFromOutput(spec.activation, a[L], one));
    for (let l = L - 1; l >= 0; l--) {
      const grad = k.matMul(delta, a[l], true, false);
      dW[l] = decay ? k.add(grad, k.mul(params.W[l], decay)) : grad;
      db[l] = k.sumRows(delta);
      if (l > 0) delta = k.mul(k.matMul(delta, params.W[l]), k.activationGradFromOutput(spec.activation, a[l], one));
    }
    let loss: number;
    if (residual) {
      const r = k.read(residual);
      let sum = 0;
      for (let i = 0; i < r.length; i++) sum += r[i] * r[i];
      loss = (0.5 * sum) / m;
    } else loss = k.adopt(lossValue(spec.loss, yHatT!, y)).dataSync()[0];
    let updated: Params;
    if (folded) {
      // Every subtraction first, then the tensors: a kernel that throws leaves nothing kept.
      const W = params.W.map((w, l) => k.sub(w, dW[l]));
      const b = params.b.map((v, l) => k.sub(v, db[l]));
      updated = { W: W.map((w) => k.keep<tf.Rank.R2>(w)), b: b.map((v) => k.keep<tf.Rank.R1>(v)) };
      tf.dispose([...params.W, ...params.b]);
    } else updated = opt.step(params, { delta: [], dW: dW.map((g) => k.borrow<tf.Rank.R2>(g)), db: db.map((g) => k.borrow<tf.Rank.R1>(g)) });
    let largestWeight = 0;
    for (const w of updated.W)
      for (const v of w.dataSync()) largestWeight = Number.isNaN(v) || Number.isNaN(largestWeight) ? Number.NaN : Math.max(largestWeight, Math.abs(v));
    return { params: updated, loss, largestWeight };
  } finally {
    k.dispose();
  }
}
