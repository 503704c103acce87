import { describe, expect, it } from 'vitest';
import { isPunctuationOrBreak, punctuationMask } from '../../../src/lib/textgen/charclass';
import { UNK } from '../../../src/lib/textgen/vocab';

describe('the punctuation and line-break class', () => {
  it('holds the verse punctuation of the 唐诗 corpus and the line break', () => {
    for (const c of ['。', '，', '\n', '、', '？', '！', '：', '；', '《', '》', '\r', '.']) expect(isPunctuationOrBreak(c), JSON.stringify(c)).toBe(true);
  });

  it('leaves out Chinese characters, letters, digits and <unk>', () => {
    for (const c of ['床', '月', '𠀀', 'a', '7', UNK]) expect(isPunctuationOrBreak(c), c).toBe(false);
  });

  it('masks a vocabulary entry by entry', () => {
    expect(punctuationMask([UNK, '。', '，', '\n', '山'])).toEqual([false, true, true, true, false]);
  });
});
