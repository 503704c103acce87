import { beforeAll, describe, expect, it } from 'vitest';
import { expectedValue } from '../../../src/lib/exercises/numeric';
import { readFileSync } from 'node:fs';
import { parameterCount, TANG_GPT } from '../../../src/lib/transformer/config';
import { presetById } from '../../../src/lib/scale/presets';
import { useCpu } from '../nn/tf';

beforeAll(useCpu);
const sig = (z: number) => 1 / (1 + Math.exp(-z));

describe('numeric exercise answers from src/lib/nn', () => {
  const base = { activation: 'sigmoid' as const, W: [[[0.5, -0.3]], [[2]]], b: [[0.1], [-1]], x: [1, 2], y: [1], alpha: 0.5 };
  // By hand: z1 = 0.5 − 0.6 + 0.1 = 0, a1 = 0.5; z2 = 2·0.5 − 1 = 0, ŷ = 0.5.
  it('gives ŷ and the loss of the pass', () => {
    expect(expectedValue({ ...base, of: { value: 'yHat' } })).toBeCloseTo(sig(0), 6);
    expect(expectedValue({ ...base, of: { value: 'loss' } })).toBeCloseTo(0.125, 6);
  });

  it('gives δ and gradients by the corrected §4.2 equations', () => {
    const d2 = (0.5 - 1) * 0.25; // (ŷ − y)σ′(z2)
    const d1 = 2 * d2 * 0.25; // W2ᵀδ2 ⊙ σ′(z1)
    expect(expectedValue({ ...base, of: { value: 'delta', layer: 2, i: 0 } })).toBeCloseTo(d2, 6);
    expect(expectedValue({ ...base, of: { value: 'dW', layer: 2, i: 0, j: 0 } })).toBeCloseTo(d2 * 0.5, 6);
    expect(expectedValue({ ...base, of: { value: 'dW', layer: 1, i: 0, j: 1 } })).toBeCloseTo(d1 * 2, 6);
    expect(expectedValue({ ...base, of: { value: 'nextW', layer: 1, i: 0, j: 1 } })).toBeCloseTo(-0.3 - 0.5 * d1 * 2, 6);
  });
});

describe('numeric exercise answers about the book’s models', () => {
  const shipped = () => JSON.parse(readFileSync('public/models/transformer/meta.json', 'utf8'));

  it('gives the weights the shipped checkpoint’s meta.json states, equal to the formula for its config', () => {
    const meta = shipped();
    expect(expectedValue({ model: 'tang-gpt', of: 'parameters' })).toBe(meta.parameters);
    expect(meta.parameters).toBe(parameterCount(meta.config));
  });

  it('fails the build when the meta.json’s count disagrees with the formula for its config', () => {
    const meta = shipped();
    expect(() => expectedValue({ model: 'tang-gpt', of: 'parameters' }, () => ({ ...meta, parameters: meta.parameters + 1 }))).toThrow(
      /parameterCount\(meta\.config\) gives/,
    );
  });

  it('fails the build when the checkpoint’s config is not the one the exercise states', () => {
    const config = { ...TANG_GPT, layers: TANG_GPT.layers + 1 };
    expect(() => expectedValue({ model: 'tang-gpt', of: 'parameters' }, () => ({ config, parameters: parameterCount(config) }))).toThrow(
      /not the one its exercise states/,
    );
  });

  it('fails the build when the meta.json has no valid config or count', () => {
    expect(() => expectedValue({ model: 'tang-gpt', of: 'parameters' }, () => ({ parameters: 1 }))).toThrow(/no valid config/);
    expect(() => expectedValue({ model: 'tang-gpt', of: 'parameters' }, () => ({ config: TANG_GPT }))).toThrow(/no parameter count/);
  });

  it('counts them part by part as 附录 A’s table does (tied output: only a bias)', () => {
    const { vocabSize: V, contextLength: T, dModel: d, dFF: f, layers: N } = TANG_GPT;
    const block = 4 * (d * d + d) + (2 * d * f + f + d) + 4 * d;
    expect(expectedValue({ model: 'tang-gpt', of: 'parameters' })).toBe(V * d + T * d + N * block + 2 * d + V);
  });
});

describe('numeric exercise answers from the scale calculator (§2.1)', () => {
  it('gives GPT-3’s training compute 6·N·D from its preset’s shape and published 300 B tokens, ≈ 3.14 × 10²³ FLOP (Brown et al. 2020, 表 D.1)', () => {
    const gpt3 = presetById('gpt3')!;
    const value = expectedValue({ scale: { preset: 'gpt3', of: 'flops', per: 1e23 } });
    expect(value).toBe((6 * gpt3.params * 300e9) / 1e23);
    expect(value).toBeCloseTo(3.14, 2);
  });

  it('gives a preset’s parameter count over `per`', () => {
    expect(expectedValue({ scale: { preset: 'gpt3', of: 'params', per: 1e9 } })).toBeCloseTo(174.6, 1);
    expect(expectedValue({ scale: { preset: 'bert-base', of: 'params' } })).toBe(presetById('bert-base')!.params);
  });

  it('fails the build for an unknown preset, a preset without a published token count, or a bad per', () => {
    expect(() => expectedValue({ scale: { preset: 'gpt5', of: 'flops' } })).toThrow(/no scale-calculator preset/);
    expect(() => expectedValue({ scale: { preset: 'gpt2', of: 'flops' } })).toThrow(/no published token count/);
    expect(() => expectedValue({ scale: { preset: 'gpt3', of: 'flops', per: 0 } })).toThrow(/positive number/);
  });
});
