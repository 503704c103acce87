import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from '../../../src/lib/nn/prng';
import { prunedCount, pruneMagnitude } from '../../../src/lib/compress/prune';
import { compressValues } from '../../../src/lib/compress/schemes';

const rng = mulberry32(7);
const w = Float32Array.from({ length: 1000 }, () => gaussian(rng));

describe('magnitude pruning', () => {
  it('zeroes exactly ⌊sparsity·n⌋ weights', () => {
    for (const s of [0, 0.1, 0.5, 0.333, 0.99]) expect(pruneMagnitude(w, s).filter((x) => x === 0).length).toBe(prunedCount(1000, s));
  });

  it('keeps the largest weights unchanged and drops only smaller ones', () => {
    const p = pruneMagnitude(w, 0.7);
    const kept = w.filter((_, i) => p[i] !== 0).map(Math.abs);
    const dropped = w.filter((_, i) => p[i] === 0).map(Math.abs);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...dropped));
    p.forEach((x, i) => x !== 0 && expect(x).toBe(w[i]));
  });

  it('breaks ties by position, so the count is exact even when magnitudes repeat', () => {
    expect(Array.from(pruneMagnitude(Float32Array.from([1, -1, 1, 2]), 0.5))).toEqual([0, 0, 1, 2]);
  });

  it('refuses a sparsity outside [0, 1]', () => {
    expect(() => pruneMagnitude(w, 1.5)).toThrow(RangeError);
    expect(() => pruneMagnitude(w, Number.NaN)).toThrow(RangeError);
  });

  it('prunes matrices but leaves vectors (biases, LayerNorm) whole', () => {
    expect(compressValues({ name: 'b', shape: [1000], values: w }, 'pruned', 0.9).filter((x) => x === 0).length).toBe(0);
    expect(compressValues({ name: 'W', shape: [10, 100], values: w }, 'pruned', 0.9).filter((x) => x === 0).length).toBe(900);
  });
});
