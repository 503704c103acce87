import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/lib/nn/datasets';
import { disposeParams, initParams } from '../../../src/lib/nn/network';
import { createOptimizer, type OptimizerKind } from '../../../src/lib/nn/optimizers';
import type { NetworkSpec } from '../../../src/lib/nn/spec';
import { evaluate, trainStep } from '../../../src/lib/nn/train';
import { tf, useCpu } from './tf';

beforeAll(useCpu);

// TensorFlow Playground's default: tanh everywhere, squared error, labels ±1.
const spec: NetworkSpec = { sizes: [2, 4, 2, 1], activation: 'tanh', output: 'identity', loss: 'squared' };

function circle(seed: number) {
  const { train } = makeDataset('circle', { n: 250, noise: 0, seed, trainFraction: 1 });
  return { X: tf.tensor2d(train.x), y: tf.tensor2d(train.y.map((v) => [2 * v - 1])) };
}

/** `epochs` passes over 250 circle points in mini-batches of 10, as Playground trains. */
function run(kind: OptimizerKind, epochs: number, seed = 1, lr = 0.03) {
  const { X, y } = circle(seed);
  let params = initParams(spec, seed);
  const opt = createOptimizer(kind, lr);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    for (let i = 0; i < X.shape[0]; i += 10) {
      const [xb, yb] = [tf.slice(X, [i, 0], [10, 2]), tf.slice(y, [i, 0], [10, 1])];
      const r = trainStep(spec, params, opt, xb, yb);
      params = r.params;
      losses.push(r.loss);
      tf.dispose([xb, yb]);
    }
  }
  const final = evaluate(spec, params, X, y);
  disposeParams(params);
  opt.dispose();
  tf.dispose([X, y]);
  return { losses, final };
}

describe('training', () => {
  it.each(['sgd', 'momentum', 'adam'] as OptimizerKind[])('%s lowers the loss on the circle dataset', (kind) => {
    const { losses, final } = run(kind, 5);
    expect(final).toBeLessThan(losses[0] * 0.8);
  });

  it('plain SGD at rate 0.03 drives the circle dataset below 0.05 loss', () => {
    expect(run('sgd', 50).final).toBeLessThan(0.05);
  });

  it('the same seed reproduces every loss bit for bit', () => {
    expect(run('adam', 2, 5).losses).toEqual(run('adam', 2, 5).losses);
  });

  it('a different seed gives different numbers', () => {
    expect(run('adam', 1, 5).losses).not.toEqual(run('adam', 1, 6).losses);
  });

  it.each(['sgd', 'momentum', 'adam'] as OptimizerKind[])('%s leaves the tensor count unchanged step after step', (kind) => {
    const { X, y } = circle(2);
    let params = initParams(spec, 2);
    const opt = createOptimizer(kind, 0.03);
    params = trainStep(spec, params, opt, X, y).params; // optimizer state is created on the first step
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) params = trainStep(spec, params, opt, X, y).params;
    expect(tf.memory().numTensors).toBe(before);
    disposeParams(params);
    opt.dispose();
    tf.dispose([X, y]);
  });

  it('disposing everything returns the tensor count to where it started', () => {
    const start = tf.memory().numTensors;
    run('adam', 1);
    expect(tf.memory().numTensors).toBe(start);
  });
});
