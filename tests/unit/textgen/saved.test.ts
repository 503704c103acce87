import { describe, expect, it } from 'vitest';
import { parseSavedMeta, toMetadata } from '../../../src/lib/textgen/saved';

const meta = { vocab: ['<unk>', '春', '眠'], epochs: 3, corpus: 'poetry' };

describe('saved model metadata', () => {
  it('survives the round trip through tf.io metadata, with and without a save id', () => {
    expect(parseSavedMeta(toMetadata(meta))).toEqual(meta);
    expect(parseSavedMeta(toMetadata({ ...meta, saveId: 'k1' }))).toEqual({ ...meta, saveId: 'k1' });
  });

  it('keeps a validation loss when there is one', () => {
    expect(parseSavedMeta(toMetadata({ ...meta, valLoss: 5.1, saveId: 'k2' }))).toEqual({ ...meta, valLoss: 5.1, saveId: 'k2' });
  });

  it('copies the vocabulary instead of sharing it', () => {
    const out = toMetadata(meta);
    expect(out.vocab).not.toBe(meta.vocab);
  });

  it.each([
    ['nothing', undefined],
    ['an array', [meta]],
    ['no vocabulary', { epochs: 1, corpus: 'poetry' }],
    ['an empty vocabulary', { ...meta, vocab: [] }],
    ['a vocabulary with a number', { ...meta, vocab: ['<unk>', 1] }],
    ['fractional epochs', { ...meta, epochs: 1.5 }],
    ['negative epochs', { ...meta, epochs: -1 }],
    ['epochs as text', { ...meta, epochs: '3' }],
    ['no corpus', { vocab: meta.vocab, epochs: 3 }],
    ['a numeric save id', { ...meta, saveId: 7 }],
    ['a validation loss as text', { ...meta, valLoss: '5.2' }],
    ['a non-finite validation loss', { ...meta, valLoss: Infinity }],
    ['a negative validation loss', { ...meta, valLoss: -1 }],
  ])('rejects %s', (_, value) => {
    expect(parseSavedMeta(value)).toBeNull();
  });

  it('accepts zero epochs (an untrained model) and ignores unknown fields', () => {
    expect(parseSavedMeta({ ...meta, epochs: 0, extra: true })).toEqual({ ...meta, epochs: 0 });
  });
});
