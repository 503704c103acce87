/**
 * The hand-written backward pass (corrected §4.2 equations) against TF.js autodiff, for every
 * activation × loss/output × shape. The reference loss below is written directly with tf ops,
 * without the library's forward or loss code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backward, disposeGradients } from '../../../src/lib/nn/backprop';
import { disposeForward, disposeParams, forward, initParams, type Params } from '../../../src/lib/nn/network';
import type { Activation, NetworkSpec } from '../../../src/lib/nn/spec';
import { mulberry32 } from '../../../src/lib/nn/prng';
import { relErr, tf, useCpu } from './tf';

beforeAll(useCpu);

const ACTIVATIONS: Activation[] = ['sigmoid', 'tanh', 'relu'];
const HEADS = [
  { loss: 'squared', output: 'identity' },
  { loss: 'squared', output: 'sigmoid' },
  { loss: 'bce', output: 'sigmoid' },
] as const;
const SHAPES = [
  [2, 3, 1],
  [2, 4, 2, 1],
  [3, 2, 2],
];

function batch(n: number, m: number, seed: number, labels = false): tf.Tensor2D {
  const rng = mulberry32(seed);
  return tf.tensor2d(
    Array.from({ length: n * m }, () => (labels ? (rng() < 0.5 ? 0 : 1) : rng() * 4 - 2)),
    [m, n],
  );
}

function referenceLoss(spec: NetworkSpec, X: tf.Tensor2D, y: tf.Tensor2D) {
  const act = { sigmoid: tf.sigmoid, tanh: tf.tanh, relu: tf.relu }[spec.activation];
  return (...theta: tf.Tensor[]) => {
    const L = theta.length / 2;
    let a: tf.Tensor = X;
    for (let l = 0; l < L; l++) a = act(tf.add(tf.matMul(a, theta[l], false, true), theta[L + l]));
    const yHat = spec.output === 'sigmoid' ? tf.sigmoid(a) : a;
    const m = X.shape[0];
    if (spec.loss === 'squared') return tf.div(tf.sum(tf.square(tf.sub(yHat, y))), 2 * m) as tf.Scalar;
    const p = tf.clipByValue(yHat, 1e-7, 1 - 1e-7);
    const ll = tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))));
    return tf.div(tf.sum(ll), -m) as tf.Scalar;
  };
}

describe('backward matches tf.grads', () => {
  for (const activation of ACTIVATIONS)
    for (const head of HEADS)
      for (const sizes of SHAPES) {
        it(`${activation}, ${head.loss}/${head.output}, ${sizes.join('-')}`, () => {
          const spec: NetworkSpec = { sizes, activation, ...head };
          const params: Params = initParams(spec, 7);
          const X = batch(sizes[0], 5, 1);
          const y = batch(sizes[sizes.length - 1], 5, 2, true);
          const pass = forward(spec, params, X);
          const mine = backward(spec, params, pass, y);
          const theirs = tf.grads(referenceLoss(spec, X, y))([...params.W, ...params.b]);
          const L = params.W.length;
          for (let l = 0; l < L; l++) {
            expect(relErr(mine.dW[l].dataSync(), theirs[l].dataSync()), `dW${l + 1}`).toBeLessThan(1e-5);
            expect(relErr(mine.db[l].dataSync(), theirs[L + l].dataSync()), `db${l + 1}`).toBeLessThan(1e-5);
          }
          tf.dispose([...theirs, X, y]);
          disposeGradients(mine);
          disposeForward(pass);
          disposeParams(params);
        });
      }
});
