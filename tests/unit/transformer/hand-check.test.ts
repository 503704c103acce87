import { describe, expect, it } from 'vitest';
import { forwardCheckLine } from '../../../src/lib/transformer/hand-explain';

describe('the stepper’s check line', () => {
  it('writes the largest difference in the book’s number format, never as a JS exponent', () => {
    expect(forwardCheckLine(8.33e-8)).toBe('与模型自身的前向计算（TF.js）一致 ✓（最大差值 8.33 × 10⁻⁸）');
  });
  it('marks a difference past the tolerance with ✗', () => {
    expect(forwardCheckLine(2e-3)).toBe('与模型自身的前向计算（TF.js）一致 ✗（最大差值 2 × 10⁻³）');
  });
  it('writes an exact match as 0', () => {
    expect(forwardCheckLine(0)).toContain('最大差值 0）');
  });
});
