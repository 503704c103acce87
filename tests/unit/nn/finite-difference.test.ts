/**
 * Central finite differences of the loss, computed in float64 plain JavaScript (no TF.js),
 * agree with the hand-written backward pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backward, disposeGradients } from '../../../src/lib/nn/backprop';
import { disposeForward, disposeParams, forward, initParams } from '../../../src/lib/nn/network';
import type { NetworkSpec } from '../../../src/lib/nn/spec';
import { relErr, tf, useCpu } from './tf';

beforeAll(useCpu);

const act = { sigmoid: (z: number) => 1 / (1 + Math.exp(-z)), tanh: Math.tanh, relu: (z: number) => Math.max(0, z) };

/** ℒ for weights W[l][i][j], biases b[l][i], samples X[k], targets Y[k], in float64. */
function loss64(spec: NetworkSpec, W: number[][][], b: number[][], X: number[][], Y: number[][]): number {
  let total = 0;
  X.forEach((x, k) => {
    let a = x;
    W.forEach((Wl, l) => (a = Wl.map((row, i) => act[spec.activation](row.reduce((s, w, j) => s + w * a[j], b[l][i])))));
    const yHat = spec.output === 'sigmoid' ? a.map(act.sigmoid) : a;
    yHat.forEach((p, i) => {
      const t = Y[k][i];
      total += spec.loss === 'squared' ? 0.5 * (p - t) ** 2 : -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
    });
  });
  return total / X.length;
}

describe('finite differences', () => {
  for (const spec of [
    { sizes: [2, 3, 1], activation: 'tanh', output: 'identity', loss: 'squared' },
    { sizes: [2, 4, 2, 1], activation: 'sigmoid', output: 'sigmoid', loss: 'bce' },
    { sizes: [3, 3, 2], activation: 'relu', output: 'sigmoid', loss: 'squared' },
  ] as NetworkSpec[]) {
    it(`agree with backward for ${spec.activation}/${spec.loss}, ${spec.sizes.join('-')}`, () => {
      const X = [
        [0.5, -1.2, 0.3],
        [1.1, 0.4, -0.7],
        [-0.9, 0.8, 1.5],
      ].map((r) => r.slice(0, spec.sizes[0]));
      const Y = [
        [1, 0],
        [0, 1],
        [1, 1],
      ].map((r) => r.slice(0, spec.sizes[spec.sizes.length - 1]));
      const params = initParams(spec, 3);
      const W = params.W.map((w) => w.arraySync());
      const b = params.b.map((v) => v.arraySync());
      const Xt = tf.tensor2d(X);
      const Yt = tf.tensor2d(Y);
      const pass = forward(spec, params, Xt);
      const grads = backward(spec, params, pass, Yt);
      const h = 1e-6;
      W.forEach((Wl, l) => {
        const numeric = Wl.flatMap((row, i) =>
          row.map((_, j) => {
            const orig = Wl[i][j];
            Wl[i][j] = orig + h;
            const up = loss64(spec, W, b, X, Y);
            Wl[i][j] = orig - h;
            const down = loss64(spec, W, b, X, Y);
            Wl[i][j] = orig;
            return (up - down) / (2 * h);
          }),
        );
        expect(relErr(grads.dW[l].dataSync(), numeric), `dW${l + 1}`).toBeLessThan(1e-4);
      });
      tf.dispose([Xt, Yt]);
      disposeGradients(grads);
      disposeForward(pass);
      disposeParams(params);
    });
  }
});
