import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/lib/nn/datasets';
import { fastTrainStep } from '../../../src/lib/nn/fast-step';
import { observeKernels } from '../../../src/lib/nn/kernels';
import { disposeParams, initParams, type Params } from '../../../src/lib/nn/network';
import { createOptimizer, type OptimizerKind } from '../../../src/lib/nn/optimizers';
import type { Activation, NetworkSpec } from '../../../src/lib/nn/spec';
import { trainStep } from '../../../src/lib/nn/train';
import { tf, useCpu } from './tf';

beforeAll(useCpu);

const specOf = (activation: Activation): NetworkSpec => ({ sizes: [2, 4, 2, 1], activation, output: 'identity', loss: 'squared' });

function batch() {
  const { train } = makeDataset('circle', { n: 10, noise: 0, seed: 3, trainFraction: 1 });
  return { X: tf.tensor2d(train.x), y: tf.tensor2d(train.y.map((v) => [2 * v - 1])) };
}

const values = (p: Params) => [...p.W, ...p.b].map((t) => Array.from(t.dataSync()));

/** Six steps on one batch with `step`, from seed 5's parameters: each step's parameters and loss. */
function trajectory(step: typeof trainStep, spec: NetworkSpec, kind: OptimizerKind, l2: number) {
  const { X, y } = batch();
  let params = initParams(spec, 5);
  const opt = createOptimizer(kind, 0.1);
  const seen: { params: number[][]; loss: number }[] = [];
  for (let i = 0; i < 6; i++) {
    const r = step(spec, params, opt, X, y, l2);
    params = r.params;
    seen.push({ params: values(params), loss: r.loss });
  }
  disposeParams(params);
  opt.dispose();
  tf.dispose([X, y]);
  return seen;
}

describe('fastTrainStep', () => {
  const kinds = (kinds: OptimizerKind[]) =>
    (['tanh', 'sigmoid', 'relu'] as Activation[]).flatMap((a) => kinds.flatMap((k) => [0, 0.01].map((l2) => [a, k, l2] as const)));
  it.each(kinds(['momentum', 'adam']))('%s, %s, L2 %s: every parameter bit-identical to trainStep on the CPU backend', (activation, kind, l2) => {
    const fast = trajectory(fastTrainStep, specOf(activation), kind, l2);
    const reference = trajectory(trainStep, specOf(activation), kind, l2);
    expect(fast.map((s) => s.params)).toEqual(reference.map((s) => s.params));
  });

  // SGD multiplies by α before the products rather than after: float32 rounding differs, no more.
  it.each(kinds(['sgd']))('%s, %s, L2 %s: every parameter within float32 rounding of trainStep', (activation, kind, l2) => {
    const fast = trajectory(fastTrainStep, specOf(activation), kind, l2).flatMap((s) => s.params.flat());
    const reference = trajectory(trainStep, specOf(activation), kind, l2).flatMap((s) => s.params.flat());
    fast.forEach((v, i) => expect(Math.abs(v - reference[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(reference[i]))));
    expect(fast.some((v, i) => v !== reference[i]) || activation === 'relu').toBe(true); // the fold is in use
  });

  it('runs a 2-4-2-1 SGD step in 34 kernels, updates included (28 before the optimizer takes over without the fold)', () => {
    const spec = specOf('tanh');
    const { X, y } = batch();
    const count = (kind: OptimizerKind) => {
      const opt = createOptimizer(kind, 0.1);
      const params = initParams(spec, 5);
      let kernels = 0;
      const stop = observeKernels(() => kernels++);
      try {
        disposeParams(fastTrainStep(spec, params, opt, X, y).params);
      } finally {
        stop();
        opt.dispose();
      }
      return kernels;
    };
    expect(count('sgd')).toBe(34);
    expect(count('momentum')).toBe(28); // the optimizer's own ops run through the engine, as ops
    tf.dispose([X, y]);
  });

  it('reports the batch loss before the update, as trainStep does', () => {
    const fast = trajectory(fastTrainStep, specOf('tanh'), 'sgd', 0);
    const reference = trajectory(trainStep, specOf('tanh'), 'sgd', 0);
    fast.forEach((s, i) => expect(s.loss).toBeCloseTo(reference[i].loss, 6));
  });

  it('reports the largest |weight| after the update', () => {
    const { X, y } = batch();
    const spec = specOf('tanh');
    const opt = createOptimizer('sgd', 0.1);
    const r = fastTrainStep(spec, initParams(spec, 5), opt, X, y);
    expect(r.largestWeight).toBe(Math.max(...r.params.W.flatMap((w) => Array.from(w.dataSync(), Math.abs))));
    disposeParams(r.params);
    tf.dispose([X, y]);
  });

  it('leaves only the new parameters behind', () => {
    const { X, y } = batch();
    const spec = specOf('tanh');
    const opt = createOptimizer('adam', 0.1);
    let params = initParams(spec, 5);
    params = fastTrainStep(spec, params, opt, X, y, 0.01).params;
    const running = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) params = fastTrainStep(spec, params, opt, X, y, 0.01).params;
    expect(tf.memory().numTensors).toBe(running);
    disposeParams(params);
    opt.dispose();
    tf.dispose([X, y]);
  });

  it('frees every kernel output it does not return: the backend holds as much data as before', () => {
    const { X, y } = batch();
    const spec = specOf('tanh');
    const opt = createOptimizer('sgd', 0.1);
    let params = initParams(spec, 5);
    const held = tf.backend().numDataIds();
    for (let i = 0; i < 20; i++) params = fastTrainStep(spec, params, opt, X, y, 0.01).params;
    expect(tf.backend().numDataIds()).toBe(held);
    disposeParams(params);
    tf.dispose([X, y]);
  });

  it('frees its kernel outputs when a kernel throws part-way (a batch of the wrong width)', () => {
    const spec = specOf('tanh');
    const params = initParams(spec, 5);
    const X = tf.zeros([4, 2]) as tf.Tensor2D;
    const y = tf.zeros([4, 1]) as tf.Tensor2D;
    const wrong = { W: [params.W[0], tf.zeros([2, 3]) as tf.Tensor2D, params.W[2]], b: params.b };
    const held = tf.backend().numDataIds();
    expect(() => fastTrainStep(spec, wrong, createOptimizer('sgd', 0.1), X, y)).toThrow();
    expect(tf.backend().numDataIds()).toBe(held);
    tf.dispose([...params.W, ...params.b, wrong.W[1], X, y]);
  });

  it('sigmoid output with cross-entropy: every parameter bit-identical to trainStep, loss included', () => {
    const spec: NetworkSpec = { sizes: [2, 4, 2, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' };
    const fast = trajectory(fastTrainStep, spec, 'sgd', 0);
    const reference = trajectory(trainStep, spec, 'sgd', 0);
    expect(fast).toEqual(reference);
  });

  it('sigmoid output with cross-entropy leaves only the new parameters behind', () => {
    const { X, y } = batch();
    const spec: NetworkSpec = { sizes: [2, 4, 2, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' };
    const opt = createOptimizer('sgd', 0.1);
    let params = fastTrainStep(spec, initParams(spec, 5), opt, X, y).params;
    const running = tf.memory();
    for (let i = 0; i < 5; i++) params = fastTrainStep(spec, params, opt, X, y).params;
    expect(tf.memory().numTensors).toBe(running.numTensors);
    expect(tf.memory().numBytes).toBe(running.numBytes);
    disposeParams(params);
    tf.dispose([X, y]);
  });
});
