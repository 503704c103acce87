import { describe, expect, it } from 'vitest';
import { contextNotice, lastInContext } from '../../../src/lib/transformer/context';

describe('text longer than the context', () => {
  it('keeps the last contextLength entries, as generation conditions on them', () => {
    expect(lastInContext([1, 2, 3, 4, 5], 3)).toEqual({ kept: [3, 4, 5], dropped: 2 });
  });

  it('keeps everything when it fits', () => {
    expect(lastInContext(['床', '前'], 64)).toEqual({ kept: ['床', '前'], dropped: 0 });
  });

  it('reads a context below 1 as 1', () => {
    expect(lastInContext(['a', 'b'], 0)).toEqual({ kept: ['b'], dropped: 1 });
  });

  it('says which part is read and how much is not', () => {
    expect(contextNotice('文字', 70, 64)).toBe('文字有 70 个字符，超过了 Transformer 的上下文长度 64：模型只读最后 64 个字符，前面的 6 个它看不到。');
  });
});
