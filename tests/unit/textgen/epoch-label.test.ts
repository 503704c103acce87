import { describe, expect, it } from 'vitest';
import { epochLabel } from '../../../src/lib/textgen/epoch-label';

describe('epoch names', () => {
  it('count this run only when the run starts from scratch', () => {
    expect(epochLabel(1, 0)).toBe('第 1 轮');
    expect(epochLabel(3, 0)).toBe('第 3 轮');
  });

  it('count this run and the total when the run continues a trained model', () => {
    expect(epochLabel(1, 11)).toBe('本次第 1 轮（累计第 12 轮）');
    expect(epochLabel(2, 1)).toBe('本次第 2 轮（累计第 3 轮）');
  });

  it('read odd counts as whole non-negative numbers, never NaN', () => {
    expect(epochLabel(1, 11.7)).toBe('本次第 1 轮（累计第 12 轮）');
    expect(epochLabel(Number.NaN, -3)).toBe('第 0 轮');
  });
});
