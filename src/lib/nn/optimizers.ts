/**
 * Parameter updates. Each returns new parameters and disposes the old ones, so the tensor count
 * stays flat however many steps run. State (velocity, moments) is kept with tf.keep semantics:
 * created outside tidy scopes and disposed by the optimizer itself.
 *   sgd:      θ ← θ − α g
 *   momentum: v ← μv + g;  θ ← θ − α v
 *   adam:     m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − α m̂ / (√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Gradients } from './backprop';
import type { Params } from './network';

import type { OptimizerKind } from './config';

export type { OptimizerKind };

export interface Optimizer {
  readonly kind: OptimizerKind;
  /** α, the step size. */
  readonly learningRate: number;
  step(params: Params, grads: Gradients): Params;
  dispose(): void;
}

type Flat = tf.Tensor[];
const flatten = (p: { W: tf.Tensor[]; b: tf.Tensor[] }): Flat => [...p.W, ...p.b];
function unflatten(flat: Flat, like: Params): Params {
  const n = like.W.length;
  return { W: flat.slice(0, n) as tf.Tensor2D[], b: flat.slice(n) as tf.Tensor1D[] };
}
const gradsOf = (g: Gradients) => flatten({ W: g.dW, b: g.db });

export function createOptimizer(kind: OptimizerKind, learningRate: number, momentum = 0.9, beta1 = 0.9, beta2 = 0.999, eps = 1e-8): Optimizer {
  let state: Flat[] = [];
  let t = 0;
  const apply = (params: Params, grads: Gradients, update: (theta: tf.Tensor, g: tf.Tensor, i: number) => tf.Tensor) => {
    const next = tf.tidy(() => flatten(params).map((theta, i) => update(theta, gradsOf(grads)[i], i)));
    tf.dispose(flatten(params));
    return unflatten(next, params);
  };
  const replaceState = (fresh: Flat[]) => {
    state.forEach((s) => tf.dispose(s));
    state = fresh;
  };
  const zeros = (params: Params) => flatten(params).map((p) => tf.zerosLike(p));

  return {
    kind,
    learningRate,
    step(params, grads) {
      if (kind === 'sgd') return apply(params, grads, (theta, g) => tf.sub(theta, tf.mul(g, learningRate)));
      if (state.length === 0) replaceState(kind === 'momentum' ? [zeros(params)] : [zeros(params), zeros(params)]);
      t++;
      if (kind === 'momentum') {
        const v = tf.tidy(() => state[0].map((v, i) => tf.add(tf.mul(v, momentum), gradsOf(grads)[i])));
        replaceState([v]);
        return apply(params, grads, (theta, _g, i) => tf.sub(theta, tf.mul(v[i], learningRate)));
      }
      const [m, v] = tf.tidy(() => {
        const g = gradsOf(grads);
        return [
          state[0].map((m, i) => tf.add(tf.mul(m, beta1), tf.mul(g[i], 1 - beta1))),
          state[1].map((v, i) => tf.add(tf.mul(v, beta2), tf.mul(tf.square(g[i]), 1 - beta2))),
        ];
      });
      replaceState([m, v]);
      const [c1, c2] = [1 - beta1 ** t, 1 - beta2 ** t];
      return apply(params, grads, (theta, _g, i) => tf.sub(theta, tf.div(tf.mul(tf.div(m[i], c1), learningRate), tf.add(tf.sqrt(tf.div(v[i], c2)), eps))));
    },
    dispose() {
      replaceState([]);
    },
  };
}
