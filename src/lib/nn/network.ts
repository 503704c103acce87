/**
 * Parameters and the forward pass. Samples are rows: a batch X is [m, n₀], so the article's
 * column form z = W·a + b becomes Z = A·Wᵀ + b row by row. W⁽ˡ⁾ keeps the article's shape
 * [nₗ, nₗ₋₁] so the numbers a student sees match the formulas.
 */
import * as tf from '@tensorflow/tfjs-core';
import { gaussian, mulberry32 } from './prng';
import type { NetworkSpec } from './spec';
import { activate, outputFn } from './activations';

export interface Params {
  /** W[l-1] is W⁽ˡ⁾, shape [nₗ, nₗ₋₁]. */
  W: tf.Tensor2D[];
  /** b[l-1] is b⁽ˡ⁾, shape [nₗ]. */
  b: tf.Tensor1D[];
}

export interface ForwardPass {
  /** z[l-1] = z⁽ˡ⁾ = a⁽ˡ⁻¹⁾W⁽ˡ⁾ᵀ + b⁽ˡ⁾, the layer's total input, [m, nₗ]. */
  z: tf.Tensor2D[];
  /** a[l] = a⁽ˡ⁾ = σ(z⁽ˡ⁾), with a[0] = X, [m, nₗ]. */
  a: tf.Tensor2D[];
  /** ŷ = f(a⁽ᴸ⁾), [m, n_L]. */
  yHat: tf.Tensor2D;
}

/**
 * Xavier/Glorot-normal weights (std √(2/(nₗ₋₁+nₗ))) from a seeded PRNG, biases 0.1 so ReLU units
 * start active. The same seed always gives bit-identical parameters.
 */
export function initParams(spec: NetworkSpec, seed: number): Params {
  const rng = mulberry32(seed);
  const W: tf.Tensor2D[] = [];
  const b: tf.Tensor1D[] = [];
  for (let l = 1; l < spec.sizes.length; l++) {
    const [fanIn, fanOut] = [spec.sizes[l - 1], spec.sizes[l]];
    const std = Math.sqrt(2 / (fanIn + fanOut));
    const values = Array.from({ length: fanOut * fanIn }, () => gaussian(rng) * std);
    W.push(tf.tensor2d(values, [fanOut, fanIn]));
    b.push(tf.fill([fanOut], 0.1) as tf.Tensor1D);
  }
  return { W, b };
}

export function forward(spec: NetworkSpec, params: Params, X: tf.Tensor2D): ForwardPass {
  return tf.tidy(() => {
    const z: tf.Tensor2D[] = [];
    const a: tf.Tensor2D[] = [tf.clone(X)];
    params.W.forEach((W, i) => {
      const zl = tf.add(tf.matMul(a[i], W, false, true), params.b[i]) as tf.Tensor2D;
      z.push(zl);
      a.push(activate(spec.activation, zl) as tf.Tensor2D);
    });
    const yHat = outputFn(spec.output, a[a.length - 1]) as tf.Tensor2D;
    return { z, a, yHat };
  });
}

export function disposeParams(p: Params): void {
  tf.dispose([...p.W, ...p.b]);
}

export function disposeForward(f: ForwardPass): void {
  tf.dispose([...f.z, ...f.a, f.yHat]);
}

/** Parameters from plain arrays (W⁽ˡ⁾ as [nₗ][nₗ₋₁], b⁽ˡ⁾ as [nₗ]); the caller disposes them. */
export function paramsFrom(W: number[][][], b: number[][]): Params {
  return { W: W.map((w) => tf.tensor2d(w)), b: b.map((v) => tf.tensor1d(v)) };
}
