import { describe, expect, it } from 'vitest';
import { buildVocab, codePoints, decode, encode, UNK } from '../../../src/lib/textgen/vocab';

describe('vocabulary', () => {
  it('counts an emoji or a supplementary-plane character as one character', () => {
    expect(codePoints('a😀𠀀')).toEqual(['a', '😀', '𠀀']);
    const { vocab } = buildVocab('😀😀𠀀');
    expect(vocab.chars).toEqual([UNK, '😀', '𠀀']);
    expect(decode(vocab, encode(vocab, '𠀀😀').ids)).toBe('𠀀😀');
  });

  it('orders by frequency, ties by code point, so the same text gives the same ids', () => {
    expect(buildVocab('bbaac').vocab.chars).toEqual([UNK, 'a', 'b', 'c']);
  });

  it('maps characters beyond the cap to <unk> and reports them', () => {
    const { vocab, dropped, coverage } = buildVocab('aaabbc', 3);
    expect(vocab.chars).toEqual([UNK, 'a', 'b']);
    expect(dropped).toBe(1);
    expect(coverage).toBeCloseTo(5 / 6);
    const { ids, unknown } = encode(vocab, 'cab');
    expect(Array.from(ids)).toEqual([0, 1, 2]);
    expect(unknown).toEqual(['c']);
    expect(decode(vocab, ids)).toBe('\uFFFDab');
  });
});
