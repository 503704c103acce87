import { describe, expect, it } from 'vitest';
import { chartTop } from '../../../src/lib/chart/top';

describe('chartTop', () => {
  it('is the largest value over all series', () => {
    expect(chartTop([[0.3, 0.9], [1.4], []], 0.05)).toBe(1.4);
  });

  it('never goes below the floor', () => {
    expect(chartTop([[0, 0.01]], 0.05)).toBe(0.05);
    expect(chartTop([], 0.05)).toBe(0.05);
  });

  it('skips NaN and infinities', () => {
    expect(chartTop([[Number.NaN, Infinity, 0.7, -Infinity]], 0.05)).toBe(0.7);
  });

  it('takes a long run’s 200,000 points without overflowing the stack', () => {
    const ys = Array.from({ length: 200_000 }, (_, i) => 1 / (i + 1));
    expect(chartTop([ys, ys], 0.05)).toBe(1);
  });
});
