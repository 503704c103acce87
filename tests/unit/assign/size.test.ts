import { describe, expect, it } from 'vitest';
import { ASSIGN_LIMITS } from '../../../src/lib/assign/limits';
import { checkSize } from '../../../src/lib/assign/size';

const link = (n: number) => 'x'.repeat(n);

describe('the builder’s size checks', () => {
  it(`allow ${ASSIGN_LIMITS.maxItems} items and refuse one more`, () => {
    expect(checkSize(ASSIGN_LIMITS.maxItems, 'c', 'l').problems).toEqual([]);
    expect(checkSize(ASSIGN_LIMITS.maxItems + 1, 'c', 'l').problems).toEqual([expect.stringContaining(`最多 ${ASSIGN_LIMITS.maxItems} 项`)]);
  });

  it('allow an encoded assignment at the codec’s cap and refuse one character more', () => {
    expect(checkSize(1, link(ASSIGN_LIMITS.maxEncoded), 'l').problems).toEqual([]);
    expect(checkSize(1, link(ASSIGN_LIMITS.maxEncoded + 1), 'l').problems).toEqual([expect.stringContaining('太长')]);
  });

  it(`warn past ${ASSIGN_LIMITS.warnLink} characters of link, saying how to shorten it`, () => {
    expect(checkSize(1, 'c', link(ASSIGN_LIMITS.warnLink)).warning).toBe('');
    const { warning } = checkSize(1, 'c', link(ASSIGN_LIMITS.warnLink + 1));
    expect(warning).toContain('2,001 个字符');
    expect(warning).toContain('缩短方法');
  });

  it('do not warn about a link that cannot be made anyway', () => {
    expect(checkSize(ASSIGN_LIMITS.maxItems + 1, 'c', link(ASSIGN_LIMITS.warnLink + 1)).warning).toBe('');
  });
});
