import { describe, expect, it } from 'vitest';
import { shares, signed } from '../../../src/lib/interpret/format';

describe('how the view writes its numbers', () => {
  it('gives each score its share of the sum, and zeros when all scores are zero', () => {
    expect(shares([1, 3])).toEqual([0.25, 0.75]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });

  it('writes the sign of every value, with a true minus sign', () => {
    expect([0.123, -0.5, 0].map(signed)).toEqual(['+0.12', '−0.50', '+0.00']);
  });
});
