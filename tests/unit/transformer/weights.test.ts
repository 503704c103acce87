import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parameterCount, TANG_GPT, type TransformerConfig } from '../../../src/lib/transformer/config';
import { disposeWeights, initialValues, initWeights, weightProblem, weightShapes } from '../../../src/lib/transformer/weights';
import { TINY, useCpu } from './tiny';

beforeAll(useCpu);

const sizeSum = (c: TransformerConfig) => weightShapes(c).reduce((s, [, shape]) => s + shape.reduce((a, b) => a * b, 1), 0);

describe('the parameter-count formula', () => {
  const configs: [string, TransformerConfig][] = [
    ['TANG_GPT (tied)', TANG_GPT],
    ['TANG_GPT untied', { ...TANG_GPT, tiedEmbeddings: false }],
    ['tiny', TINY],
    ['one layer, one head, untied', { vocabSize: 5, contextLength: 48, dModel: 6, heads: 1, layers: 1, dFF: 7, dropout: 0, tiedEmbeddings: false }],
    ['four layers, eight heads', { vocabSize: 97, contextLength: 50, dModel: 32, heads: 8, layers: 4, dFF: 80, dropout: 0.2, tiedEmbeddings: true }],
  ];
  for (const [name, c] of configs)
    it(`equals the sum of the weight sizes: ${name}`, () => {
      expect(parameterCount(c)).toBe(sizeSum(c));
    });

  it('counts the same as the variables actually made', () => {
    const w = initWeights(TINY, 1);
    expect(Object.values(w).reduce((s, t) => s + t.size, 0)).toBe(parameterCount(TINY));
    disposeWeights(w);
  });
});

describe('seeded initialisation', () => {
  it('gives the same numbers for the same seed and different numbers for another', () => {
    const a = initWeights(TINY, 42);
    const b = initWeights(TINY, 42);
    const c = initWeights(TINY, 43);
    for (const name of Object.keys(a)) expect(Array.from(b[name].dataSync())).toEqual(Array.from(a[name].dataSync()));
    expect(Array.from(c.tok_emb.dataSync())).not.toEqual(Array.from(a.tok_emb.dataSync()));
    [a, b, c].forEach(disposeWeights);
  });

  it('draws matrices at std 0.02, the residual projections smaller, and starts LayerNorm at γ = 1, β = 0', () => {
    const v = initialValues(TANG_GPT, 1);
    const std = (x: Float32Array) => Math.sqrt(x.reduce((s, t) => s + t * t, 0) / x.length);
    expect(std(v.get('tok_emb')!)).toBeCloseTo(0.02, 3);
    expect(std(v.get('block0/mlp/w2')!)).toBeCloseTo(0.02 / Math.sqrt(2 * TANG_GPT.layers), 3);
    expect(new Set(v.get('block1/ln2/gamma'))).toEqual(new Set([1]));
    expect(new Set(v.get('lnf/beta'))).toEqual(new Set([0]));
  });
});

describe('weightProblem', () => {
  it('names a missing or misshapen weight and accepts a complete set', () => {
    const w = initWeights(TINY, 1);
    expect(weightProblem(TINY, w)).toBeNull();
    const { tok_emb, ...rest } = w;
    expect(weightProblem(TINY, rest)).toMatch('tok_emb');
    const wrong = tf.zeros([3, 3]);
    expect(weightProblem(TINY, { ...w, tok_emb: wrong })).toMatch('3×3');
    expect(weightProblem({ ...TINY, tiedEmbeddings: false }, w)).toMatch('head/kernel');
    tf.dispose([tok_emb, wrong]);
    disposeWeights(rest);
  });
});
