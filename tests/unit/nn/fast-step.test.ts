import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/lib/nn/datasets';
import { fastTrainStep } from '../../../src/lib/nn/fast-step';
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

  it('runs a 2-4-2-1 SGD step in 34 kernels (40 without the fold)', () => {
    const spec = specOf('tanh');
    const { X, y } = batch();
    const count = (kind: OptimizerKind) => {
      const opt = createOptimizer(kind, 0.1);
      const params = initParams(spec, 5);
      let kernels = 0;
      const engine = tf.engine() as unknown as { runKernel: (...args: unknown[]) => unknown };
      const run = engine.runKernel;
      engine.runKernel = (...args) => (kernels++, run.apply(engine, args));
      try {
        disposeParams(fastTrainStep(spec, params, opt, X, y).params);
      } finally {
        engine.runKernel = run;
        opt.dispose();
      }
      return kernels;
    };
    expect(count('sgd')).toBe(34);
    expect(count('momentum')).toBeGreaterThan(40);
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
});
