import { describe, expect, it } from 'vitest';
import { shares, signed } from '../../../src/lib/interpret/format';

describe('how the view writes its numbers', () => {
  it('gives each score its share of the sum, and zeros when all scores are zero', () => {
    expect(shares([1, 3])).toEqual([0.25, 0.75]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });

  it('writes the sign of every value, with a true minus sign', () => {
    expect([0.123, -0.5, 0.996].map(signed)).toEqual(['+0.12', '−0.50', '+1.00']);
  });

  it('writes a value that rounds to zero as 0.00, never −0.00', () => {
    expect([0, -0, -0.004, 0.004, -0.00499].map(signed)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(signed(-0.005)).toBe('−0.01');
  });
});
