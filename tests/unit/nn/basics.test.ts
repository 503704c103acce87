import { beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, makeDataset } from '../../../src/lib/nn/datasets';
import { disposeParams, initParams } from '../../../src/lib/nn/network';
import { gaussian, mulberry32 } from '../../../src/lib/nn/prng';
import { specErrors, type NetworkSpec } from '../../../src/lib/nn/spec';
import { useCpu } from './tf';

beforeAll(useCpu);

const spec: NetworkSpec = { sizes: [2, 3, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' };

describe('seeded randomness', () => {
  it('mulberry32 repeats its sequence for a seed', () => {
    const [a, b] = [mulberry32(9), mulberry32(9)];
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
  it('gaussian samples have mean ≈ 0 and variance ≈ 1', () => {
    const rng = mulberry32(1);
    const xs = Array.from({ length: 20000 }, () => gaussian(rng));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
  it('initParams gives bit-identical weights for the same seed', () => {
    const [p, q] = [initParams(spec, 42), initParams(spec, 42)];
    expect(p.W.map((w) => Array.from(w.dataSync()))).toEqual(q.W.map((w) => Array.from(w.dataSync())));
    disposeParams(p);
    disposeParams(q);
  });
  it('W⁽ˡ⁾ has the article’s shape [nₗ, nₗ₋₁]', () => {
    const p = initParams({ ...spec, sizes: [2, 4, 2, 1] }, 1);
    expect(p.W.map((w) => w.shape)).toEqual([
      [4, 2],
      [2, 4],
      [1, 2],
    ]);
    disposeParams(p);
  });
});

describe('datasets', () => {
  it.each(DATASETS)('%s is reproducible from its seed and split as asked', (kind) => {
    const a = makeDataset(kind, { n: 100, noise: 0.2, seed: 3, trainFraction: 0.7 });
    expect(a).toEqual(makeDataset(kind, { n: 100, noise: 0.2, seed: 3, trainFraction: 0.7 }));
    expect(a.train.x).toHaveLength(70);
    expect(a.val.x).toHaveLength(30);
    expect(new Set([...a.train.y, ...a.val.y])).toEqual(new Set([0, 1]));
  });
  it('circle puts class 1 inside radius 2.5 when there is no noise', () => {
    const { train } = makeDataset('circle', { n: 200, noise: 0, seed: 1, trainFraction: 1 });
    train.x.forEach(([x, y], i) => expect(Math.hypot(x, y) < 3 ? 1 : 0).toBe(train.y[i]));
  });
});

describe('specErrors', () => {
  it('accepts a valid network', () => {
    expect(specErrors(spec)).toEqual([]);
  });
  it('rejects a layer with too many neurons', () => {
    expect(specErrors({ ...spec, sizes: [2, 9, 1] })[0]).toMatch(/1 到 8/);
  });
  it('rejects a fractional or missing size', () => {
    expect(specErrors({ ...spec, sizes: [2, 2.5, 1] })).toHaveLength(1);
    expect(specErrors({ ...spec, sizes: [2, Number.NaN, 1] })).toHaveLength(1);
  });
  it('rejects too many layers', () => {
    expect(specErrors({ ...spec, sizes: [2, 3, 3, 3, 3, 3, 1] })[0]).toMatch(/层数/);
  });
  it('rejects cross-entropy when the output can leave (0, 1)', () => {
    expect(specErrors({ ...spec, output: 'identity' })[0]).toMatch(/交叉熵/);
  });
  it('accepts cross-entropy over a sigmoid last layer', () => {
    expect(specErrors({ ...spec, activation: 'sigmoid', output: 'identity' })).toEqual([]);
  });
});
