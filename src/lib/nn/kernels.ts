/**
 * The few TF.js kernels the training widget's step needs, called through the engine directly
 * (`tf.engine().runKernel`, as TF.js's own ops do once their arguments are checked). Each op
 * wrapper (tf.matMul, tf.add…) also opens and closes a named scope, converts and checks its
 * arguments; at 2-4-2-1 and batch 10 a step is ~34 tiny kernels, so that bookkeeping, not the
 * arithmetic, was much of the step's time. Same kernels, same inputs: the same numbers as the ops.
 * Inputs must already be float32 tensors of compatible shapes (the caller's invariant: the
 * widget's own parameters and batches); nothing here checks them.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from './spec';

type T = tf.Tensor;
const run = (name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap = {}): T => tf.engine().runKernel(name, inputs, attrs) as T;

/** a·b with optional transposes, [m, k]·[k, n] → [m, n]. */
export const matMul = (a: T, b: T, transposeA = false, transposeB = false): T => run(tf.BatchMatMul, { a, b }, { transposeA, transposeB });
/** Elementwise with broadcasting (b may be a row [n] or a scalar). */
export const add = (a: T, b: T): T => run(tf.Add, { a, b });
export const sub = (a: T, b: T): T => run(tf.Sub, { a, b });
export const mul = (a: T, b: T): T => run(tf.Multiply, { a, b });
export const div = (a: T, b: T): T => run(tf.RealDiv, { a, b });
/** Column sums of [m, n] → [n]. */
export const sumRows = (x: T): T => run(tf.Sum, { x }, { axis: [0], keepDims: false });

/** σ(z) for the network's activation. */
export function activate(kind: Activation, z: T): T {
  return run(kind === 'tanh' ? tf.Tanh : kind === 'sigmoid' ? tf.Sigmoid : tf.Relu, { x: z });
}

/**
 * σ′(z) from the unit's output a = σ(z), so the forward pass need not keep z: sigmoid
 * a(1 − a), tanh 1 − a², ReLU 1[a > 0] (= 1[z > 0]); bit for bit what activations.ts
 * activationGrad gives, since σ(z) is the same kernel on the same input. `one` is a float32 scalar 1.
 */
export function activationGradFromOutput(kind: Activation, a: T, one: T): T {
  if (kind === 'tanh') return sub(one, run(tf.Square, { x: a }));
  if (kind === 'sigmoid') return mul(a, sub(one, a));
  return run(tf.Step, { x: a }, { alpha: 0 });
}
