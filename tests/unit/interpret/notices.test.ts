import { describe, expect, it } from 'vitest';
import { readNotices } from '../../../src/lib/interpret/notices';

describe('readNotices: how the two models read the text', () => {
  const unknownGpt = '“h”、“e” 不在模型的字符表中，按 <unk>（未知字符）处理。';
  it('says once, unnamed, what both models say (the checkpoints share a character table)', () =>
    expect(readNotices([unknownGpt, '文字有 70 个字符'], [unknownGpt])).toEqual([unknownGpt, 'LSTM：文字有 70 个字符']));
  it('names the model a notice is about when only that one says it (a model trained on the reader’s own text)', () =>
    expect(readNotices([], [unknownGpt])).toEqual([`Transformer：${unknownGpt}`]));
  it('says nothing when neither model had anything to say', () => expect(readNotices([], [])).toEqual([]));
});
