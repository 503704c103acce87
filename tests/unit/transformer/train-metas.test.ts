import { describe, expect, it } from 'vitest';
import { checkpointRefs, parseMetas } from '../../../src/lib/transformer/train-metas';

const gpt = { vocab: ['<unk>', '白'], config: { contextLength: 64 }, epochs: 3.5, validation: { lossFloat16: 2.5 } };
const lstm = { validation: { lossFloat16: 3.1 } };

describe('the checkpoints’ meta.json read by the training widget', () => {
  it('reads the vocabulary, context length, epochs and both validation losses', () => {
    expect(parseMetas(gpt, lstm)).toEqual({ vocab: ['<unk>', '白'], contextLength: 64, epochs: 3.5, gptLoss: 2.5, lstmLoss: 3.1 });
  });

  it('reads a missing LSTM meta or a non-finite loss as no loss', () => {
    expect(parseMetas({ ...gpt, validation: { lossFloat16: 'NaN' } }, null)).toMatchObject({ gptLoss: null, lstmLoss: null });
  });

  it('refuses, in words, a Transformer meta without a vocabulary of strings or a context length', () => {
    expect(() => parseMetas({ ...gpt, vocab: [1] }, lstm)).toThrow('Transformer 检查点的说明文件无效');
    expect(() => parseMetas({ vocab: gpt.vocab }, lstm)).toThrow('Transformer 检查点的说明文件无效');
  });

  it('ignores inherited keys', () => {
    expect(() => parseMetas(Object.create(gpt), lstm)).toThrow('说明文件无效');
  });
});

describe('the chart’s reference lines', () => {
  const metas = parseMetas(gpt, lstm);

  it('draw both checkpoints’ validation losses beside a run on 唐诗', () => {
    expect(checkpointRefs(metas, 'poetry').map((r) => r.value)).toEqual([3.1, 2.5]);
  });

  it('are not drawn beside a run on another corpus, nor before the metas are read', () => {
    expect(checkpointRefs(metas, 'book')).toEqual([]);
    expect(checkpointRefs(null, 'poetry')).toEqual([]);
  });
});
