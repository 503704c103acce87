import { describe, expect, test } from 'vitest';
import { kerasParamCounts } from '../../../src/lib/textgen/model';
import { parameterCount, TANG_GPT } from '../../../src/lib/transformer/config';
import { lstmParams, mlpParams, transformerBreakdown, transformerParams } from '../../../src/lib/scale/count';
import { ARCHS, LLAMA31_8B, TANG_ARCH } from '../../../src/lib/scale/presets';

describe('Transformer counts match the published totals', () => {
  test('BERT-base with its pooler has 109,482,240 weights', () => {
    expect(transformerParams(ARCHS['bert-base'])).toBe(109_482_240);
  });
  test('GPT-2 small has 124,439,808 weights', () => {
    expect(transformerParams(ARCHS.gpt2)).toBe(124_439_808);
  });
  test('GPT-2 XL is the published 1.5 B (1,557,611,200)', () => {
    expect(transformerParams(ARCHS['gpt2-xl'])).toBe(1_557_611_200);
  });
  test('GPT-3 is within 0.5 % of 175 B', () => {
    expect(Math.abs(transformerParams(ARCHS.gpt3) / 175e9 - 1)).toBeLessThan(0.005);
  });
  test('BERT-large is the 335 M of the released checkpoint (paper: 340 M)', () => {
    expect(transformerParams(ARCHS['bert-large'])).toBe(335_141_888);
  });
  test('Llama 3.1 8B has exactly 8,030,261,248 weights', () => {
    expect(transformerParams(LLAMA31_8B)).toBe(8_030_261_248);
  });
  test('the book’s 附录 A model equals transformer/config.ts parameterCount(TANG_GPT)', () => {
    expect(transformerParams(TANG_ARCH)).toBe(parameterCount(TANG_GPT));
    expect(parameterCount(TANG_GPT)).toBe(791_992);
  });
});

describe('each option changes the count by exactly its weights', () => {
  const base = ARCHS.gpt2;
  const d = base.dModel;
  test('untying the output head adds V·d', () => {
    expect(transformerParams({ ...base, tied: false }) - transformerParams(base)).toBe(base.vocab * d);
  });
  test('rotary positions drop the T·d position table', () => {
    expect(transformerParams(base) - transformerParams({ ...base, positions: 'rotary' })).toBe(base.context * d);
  });
  test('RMSNorm has half of LayerNorm’s weights: d per norm, 2N + 1 norms', () => {
    expect(transformerParams(base) - transformerParams({ ...base, norm: 'rmsnorm' })).toBe((2 * base.layers + 1) * d);
  });
  test('grouped-query attention with 4 KV heads of 12 shrinks W_K and W_V (and their biases) to a third', () => {
    const dkv = (4 * d) / 12;
    const saved = base.layers * 2 * (d * d - d * dkv + d - dkv);
    expect(transformerParams(base) - transformerParams({ ...base, kvHeads: 4 })).toBe(saved);
  });
  test('SwiGLU without biases has three d×d_ff matrices per block', () => {
    const b = transformerBreakdown({ ...base, mlp: 'swiglu', biases: false });
    const attention = 4 * d * d;
    expect(b.blocks).toBe(base.layers * (attention + 3 * d * base.dFF + 4 * d));
  });
  test('the parts add up to the total', () => {
    const b = transformerBreakdown(ARCHS['bert-base']);
    expect(b.embeddings + b.blocks + b.head).toBe(b.total);
  });
});

describe('LSTM and MLP counts', () => {
  test('the §5.2 LSTM has 677,816 weights, as textgen/model.ts counts Keras’s layers', () => {
    expect(lstmParams({ vocab: 3000, embedding: 64, units: 128 })).toBe(677_816);
    const k = kerasParamCounts({ vocabSize: 3000, embeddingSize: 64, units: 128 });
    expect(lstmParams({ vocab: 3000, embedding: 64, units: 128 })).toBe(k.embedding + k.lstm + k.dense);
  });
  test('a 2-2-1 network has 9 weights and biases', () => {
    expect(mlpParams([2, 2, 1])).toBe(9);
  });
  test('a 784-100-10 network counts each layer’s matrix and bias', () => {
    expect(mlpParams([784, 100, 10])).toBe(784 * 100 + 100 + 100 * 10 + 10);
  });
});
