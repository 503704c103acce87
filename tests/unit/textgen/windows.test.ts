import { describe, expect, it } from 'vitest';
import { gatherBatch, makeWindows, shuffled } from '../../../src/lib/textgen/windows';

describe('training windows', () => {
  it('pairs each input window with the same window shifted by one character', () => {
    const ids = Int32Array.from({ length: 12 }, (_, i) => i);
    const { x, y } = gatherBatch(ids, [0, 5], 4);
    expect(Array.from(x)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(Array.from(y)).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
  });

  it('keeps validation windows apart from training windows and every target inside the text', () => {
    const split = makeWindows(10_000, 20, 7, 0.2);
    const all = [...split.train, ...split.val];
    expect(split.val.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
    for (const s of all) expect(s + 20 + 1).toBeLessThanOrEqual(10_000);
    const covered = (starts: number[]) => new Set(starts.flatMap((s) => Array.from({ length: 21 }, (_, k) => Math.floor((s + k) / 161))));
    // Windows of different splits never share a block: 8 windows of 20 plus the last target, 161 characters.
    const trainBlocks = covered(split.train);
    for (const s of split.val) expect(trainBlocks.has(Math.floor(s / 161))).toBe(false);
  });

  it('gives the same windows and order for the same seed', () => {
    expect(makeWindows(5_000, 16, 3)).toEqual(makeWindows(5_000, 16, 3));
    expect(shuffled([1, 2, 3, 4, 5], 9)).toEqual(shuffled([1, 2, 3, 4, 5], 9));
    expect(shuffled([1, 2, 3, 4, 5, 6, 7, 8], 9)).not.toEqual(shuffled([1, 2, 3, 4, 5, 6, 7, 8], 10));
  });

  it('holds out a window even from a text too short to draw a validation block', () => {
    const split = makeWindows(100, 20, 1, 0);
    expect(split.val).toHaveLength(1);
    expect(split.train.length).toBeGreaterThan(0);
  });
});
