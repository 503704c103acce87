import { describe, expect, it } from 'vitest';
import { decimate } from '../../../src/lib/chart/decimate';

describe('decimate', () => {
  it('keeps every point when there are no more than the chart can show', () => {
    expect(decimate(5, 300)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps every k-th point and the newest, never more than max + 1', () => {
    const picked = decimate(10_000, 300);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(9_999);
    expect(picked.length).toBeLessThanOrEqual(301);
    expect(picked.length).toBeGreaterThan(250);
    expect(picked[2] - picked[1]).toBe(34);
  });

  it('returns ascending indices without repeats', () => {
    const picked = decimate(601, 300);
    expect(picked).toEqual([...new Set(picked)].sort((a, b) => a - b));
  });

  it('has nothing to draw for no points, a negative or fractional count', () => {
    expect(decimate(0, 300)).toEqual([]);
    expect(decimate(-3, 300)).toEqual([]);
    expect(decimate(2.7, 300)).toEqual([0, 1]);
  });
});
