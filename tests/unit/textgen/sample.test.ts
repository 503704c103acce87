import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/lib/nn/prng';
import { argmax, perplexity, reshape, sample, shownIndices, topIndices } from '../../../src/lib/textgen/sample';

const probs = Float32Array.from([0.1, 0.6, 0.05, 0.25]);

describe('sampling', () => {
  it('is the argmax at temperature 0 and as it tends to 0, never dividing by zero', () => {
    for (const t of [0, 1e-9, 1e-4]) {
      expect(sample(probs, t, mulberry32(1))).toBe(1);
      expect(Array.from(reshape(probs, t))).toEqual([0, 1, 0, 0]);
    }
    expect(Array.from(reshape(probs, 0.01)).every(Number.isFinite)).toBe(true);
    expect(argmax(reshape(probs, 0.01))).toBe(1);
  });

  it('leaves the distribution unchanged at temperature 1 and flattens it above 1', () => {
    const same = reshape(probs, 1);
    probs.forEach((p, i) => expect(same[i]).toBeCloseTo(p, 6));
    const flat = reshape(probs, 2);
    expect(flat[1]).toBeLessThan(0.6);
    expect(flat[2]).toBeGreaterThan(0.05);
    expect(flat.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('keeps only the k likeliest characters with top-k', () => {
    const d = reshape(probs, 1, 2);
    expect(Array.from(d).map((v) => v > 0)).toEqual([false, true, false, true]);
    expect(d[1] + d[3]).toBeCloseTo(1, 12);
    expect(topIndices(probs, 3)).toEqual([1, 3, 0]);
  });

  it('reshapes to the very doubles of exp(log p / T − max) / Σ over the kept characters', () => {
    // The formula written plainly: every log taken in each pass.
    const byFormula = (p: Float32Array, t: number, keep: Set<number> | null) => {
      let max = -Infinity;
      for (let i = 0; i < p.length; i++) if (!keep || keep.has(i)) max = Math.max(max, Math.log(p[i]) / t);
      const out = new Float64Array(p.length);
      let sum = 0;
      for (let i = 0; i < p.length; i++) if (!keep || keep.has(i)) sum += out[i] = Math.exp(Math.log(p[i]) / t - max);
      return out.map((v) => v / sum);
    };
    const rng = mulberry32(9);
    const p = Float32Array.from({ length: 3000 }, () => Math.exp(6 * rng()));
    const total = p.reduce((a, b) => a + b, 0);
    p.forEach((v, i) => (p[i] = v / total));
    p[0] = 0;
    for (const [t, k] of [
      [0.8, 0],
      [1, 0],
      [1.7, 40],
      [0.3, 2999],
    ]) {
      const keep = k ? new Set(topIndices(p, k)) : null;
      expect(Array.from(reshape(p, t, k))).toEqual(Array.from(byFormula(p, t, keep)));
    }
  });

  it('top-k equals a full sort, ties by lower index', () => {
    const rng = mulberry32(3);
    for (let trial = 0; trial < 50; trial++) {
      // Values on a coarse grid, so ties are common.
      const p = Array.from({ length: 40 }, () => Math.floor(rng() * 8) / 8);
      const sorted = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
      for (const k of [0, 1, 5, 40, 50]) expect(topIndices(p, k)).toEqual(sorted.slice(0, k));
    }
  });

  it('shows the drawn character beside the top k, even when it is outside them', () => {
    expect(shownIndices(probs, 3, 2)).toEqual([1, 3]);
    expect(shownIndices(probs, 2, 2)).toEqual([1, 3, 2]);
  });

  it('shows no character that could not have been drawn (probability 0)', () => {
    // Temperature 0 or top-k leave exact zeros; ties would otherwise list them by index, <unk> first.
    expect(shownIndices([0, 0, 1, 0], 2)).toEqual([2]);
    expect(shownIndices([0, 0.3, 0, 0.7], 3, 10)).toEqual([3, 1]);
  });

  it('draws in proportion to the probabilities, reproducibly for a seed', () => {
    const rng = mulberry32(42);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[sample(probs, 1, rng)]++;
    counts.forEach((c, i) => expect(c / 20_000).toBeCloseTo(probs[i], 1));
    const a = Array.from(
      { length: 20 },
      (
        (r) => () =>
          sample(probs, 1, r)
      )(mulberry32(5)),
    );
    const b = Array.from(
      { length: 20 },
      (
        (r) => () =>
          sample(probs, 1, r)
      )(mulberry32(5)),
    );
    expect(a).toEqual(b);
  });

  it('turns mean cross-entropy into perplexity', () => {
    expect(perplexity(Math.log(50))).toBeCloseTo(50);
  });
});
