import { describe, expect, it } from 'vitest';
import { inClass, rankUnits } from '../../../src/lib/interpret/units';

describe('units ranked by character class', () => {
  it('puts first the unit that is high on the class and low elsewhere', () => {
    // Unit 2 is +0.9 on class positions and −0.5 elsewhere; unit 0 is high everywhere; unit 1 is the reverse of unit 2.
    const mask = [false, true, false, true, false];
    const acts = mask.map((m) => [0.8, m ? -0.4 : 0.4, m ? 0.9 : -0.5]);
    const ranked = rankUnits(acts, mask);
    expect(ranked.map((r) => r.unit)).toEqual([2, 0, 1]);
    expect(ranked[0].inside).toBeCloseTo(0.9);
    expect(ranked[0].outside).toBeCloseTo(-0.5);
    expect(ranked[0].score).toBeCloseTo(1.4);
    expect(ranked[1].score).toBeCloseTo(0);
  });

  it('keeps the top ones only, ties by unit number', () => {
    const mask = [true, false];
    const acts = [
      [0.5, 0.5, 0.1],
      [0, 0, 0],
    ];
    expect(rankUnits(acts, mask, 2).map((r) => r.unit)).toEqual([0, 1]);
  });

  it('returns nothing when the class is absent from the text, or is all of it', () => {
    const acts = [[0.1], [0.2]];
    expect(rankUnits(acts, [false, false])).toEqual([]);
    expect(rankUnits(acts, [true, true])).toEqual([]);
  });

  it('sorts characters into punctuation, line breaks and one chosen character', () => {
    expect(['，', '。', '？', '!', '\n', '月'].map((c) => inClass(c, 'punct'))).toEqual([true, true, true, true, false, false]);
    expect(['\n', '，', ' '].map((c) => inClass(c, 'break'))).toEqual([true, false, false]);
    expect(['月', '日'].map((c) => inClass(c, 'char', '月'))).toEqual([true, false]);
  });
});
