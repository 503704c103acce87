import { beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_DEFAULTS, explainForward, explorerArrays, explorerSpec } from '../../../src/lib/nn/explorer';
import { disposeParams, paramsFrom } from '../../../src/lib/nn/network';
import { forwardValues } from '../../../src/lib/nn/trace';
import { tf, useCpu } from './tf';

beforeAll(useCpu);

describe('forward explorer', () => {
  it('computes y = f(σ(W₂·σ(W₁·x + b₁) + b₂)) for the typed numbers', () => {
    const { x, W, b } = explorerArrays(EXPLORER_DEFAULTS);
    const params = paramsFrom(W, b);
    const t = forwardValues(explorerSpec('tanh', 'sigmoid'), params, x);
    const h = W[0].map((row, i) => Math.tanh(row[0] * x[0] + row[1] * x[1] + b[0][i]));
    const y = 1 / (1 + Math.exp(-Math.tanh(W[1][0][0] * h[0] + W[1][0][1] * h[1] + b[1][0])));
    expect(t.yHat[0]).toBeCloseTo(y, 6);
    disposeParams(params);
  });
  it('substitutes the numbers into the formula, one line per unit', () => {
    const { x, W, b } = explorerArrays(EXPLORER_DEFAULTS);
    const params = paramsFrom(W, b);
    const t = forwardValues(explorerSpec('sigmoid', 'identity'), params, x);
    const lines = explainForward(EXPLORER_DEFAULTS, t, 'sigmoid', 'identity');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      `z1[1] = (0.4000)(1.0000) + (−0.6000)(0.5000) + (0.1000) = 0.2000，a1[1] = sigmoid(0.2000) = ${(1 / (1 + Math.exp(-0.2))).toFixed(4)}`,
    );
    disposeParams(params);
  });
  it('frees its tensors', () => {
    const { x, W, b } = explorerArrays(EXPLORER_DEFAULTS);
    const params = paramsFrom(W, b);
    const before = tf.memory().numTensors;
    forwardValues(explorerSpec('relu', 'identity'), params, x);
    expect(tf.memory().numTensors).toBe(before);
    disposeParams(params);
  });
});
