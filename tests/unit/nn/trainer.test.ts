import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/lib/nn/config';
import { disposeParams, initParams } from '../../../src/lib/nn/network';
import { createOptimizer } from '../../../src/lib/nn/optimizers';
import { target, Trainer } from '../../../src/lib/nn/trainer';
import { trainStep } from '../../../src/lib/nn/train';
import { tf, useCpu } from './tf';

beforeAll(useCpu);

describe('Trainer', () => {
  it('drives the circle dataset below 0.05 training loss with Playground defaults', () => {
    const t = new Trainer(DEFAULT_CONFIG);
    while (t.steps < 3000 && t.losses().train >= 0.05) for (let i = 0; i < 25; i++) t.step();
    expect(t.losses().train).toBeLessThan(0.05);
    t.dispose();
  });
  it('keeps the tensor count flat over 1,000 steps and returns to it after dispose', () => {
    const start = tf.memory().numTensors;
    const t = new Trainer({ ...DEFAULT_CONFIG, optimizer: 'adam', l2: 0.001 });
    t.step();
    const running = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) t.step();
    t.losses();
    t.grid(10);
    expect(tf.memory().numTensors).toBe(running);
    t.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
  it('detects divergence at learning rate 1e6 and stops', () => {
    const t = new Trainer({ ...DEFAULT_CONFIG, lr: 1e6 });
    for (let i = 0; i < 50 && !t.diverged; i++) t.step();
    expect(t.diverged).toBe(true);
    expect(Number.isNaN(t.step())).toBe(true);
    t.dispose();
  });
  it('predicts a grid for the heat map', () => {
    const t = new Trainer(DEFAULT_CONFIG);
    const g = t.grid(8);
    expect(g).toHaveLength(64);
    expect(g.every(Number.isFinite)).toBe(true);
    t.dispose();
  });
  it('snapshot gives losses() and grid() from one pass', () => {
    const t = new Trainer(DEFAULT_CONFIG);
    for (let i = 0; i < 30; i++) t.step();
    const snap = t.snapshot(12);
    const { train, val } = t.losses();
    expect(snap.train).toBeCloseTo(train, 6);
    expect(snap.val).toBeCloseTo(val, 6);
    expect(Array.from(snap.grid)).toEqual(Array.from(t.grid(12)));
    t.dispose();
  });
  it('steps through the epoch batch by batch, skipping a short last batch, as trainStep on slices does', () => {
    const config = { ...DEFAULT_CONFIG, batch: 100 }; // 250 training points: rows 0–99, 100–199, then 0–99 again
    const t = new Trainer(config, 500, 0.5);
    const X = tf.tensor2d(t.data.train.x);
    const Y = tf.tensor2d(t.data.train.y.map((v) => [target(config, v)]));
    let params = initParams(t.spec, config.seed);
    const opt = createOptimizer('sgd', config.lr);
    for (const start of [0, 100, 0, 100]) {
      const [xb, yb] = [tf.slice(X, [start, 0], [100, 2]), tf.slice(Y, [start, 0], [100, 1])];
      const r = trainStep(t.spec, params, opt, xb, yb);
      params = r.params;
      expect(t.step()).toBeCloseTo(r.loss, 6);
      tf.dispose([xb, yb]);
    }
    disposeParams(params);
    tf.dispose([X, Y]);
    t.dispose();
  });
  it('is reproducible from the seed in the config', () => {
    const run = () => {
      const t = new Trainer({ ...DEFAULT_CONFIG, seed: 11 });
      const losses = Array.from({ length: 20 }, () => t.step());
      t.dispose();
      return losses;
    };
    expect(run()).toEqual(run());
  });
});
