import { beforeAll, describe, expect, it } from 'vitest';
import { disposeParams, initParams } from '../../../src/lib/nn/network';
import type { NetworkSpec } from '../../../src/lib/nn/spec';
import { planSteps } from '../../../src/lib/nn/stepper';
import { traceStep } from '../../../src/lib/nn/trace';
import { tf, useCpu } from './tf';

beforeAll(useCpu);

describe('planSteps', () => {
  const steps = planSteps([2, 2, 1]);
  it('walks forward, loss, δ from the last layer down, gradients, update', () => {
    expect(steps.map((s) => `${s.kind}${s.layer ?? ''}`)).toEqual(['forward1', 'forward2', 'loss', 'delta2', 'delta1', 'gradients', 'update']);
  });
  it('highlights the weights a forward step multiplies', () => {
    expect(steps[0].edges).toEqual(['e1-0-0', 'e1-0-1', 'e1-1-0', 'e1-1-1']);
    expect(steps[0].nodes).toEqual(['n0-0', 'n0-1', 'n1-0', 'n1-1']);
  });
  it('δ⁽¹⁾ uses the weights of layer 2, transposed', () => {
    expect(steps[4].edges).toEqual(['e2-0-0', 'e2-0-1']);
    expect(steps[4].nodes).toEqual(['n2-0', 'n1-0', 'n1-1']);
  });
});

describe('traceStep', () => {
  const spec: NetworkSpec = { sizes: [2, 2, 1], activation: 'sigmoid', output: 'identity', loss: 'squared' };
  it('matches a hand computation of one pass through the §4.1 network', () => {
    const params = initParams(spec, 1);
    const t = traceStep(spec, params, [0.5, -1], [1], 0.5);
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    const z1 = t.W[0].map((r, i) => r[0] * 0.5 + r[1] * -1 + t.b[0][i]);
    const a1 = z1.map(sig);
    const z2 = t.W[1][0][0] * a1[0] + t.W[1][0][1] * a1[1] + t.b[1][0];
    const a2 = sig(z2);
    const d2 = (a2 - 1) * a2 * (1 - a2);
    const d1 = a1.map((a, i) => t.W[1][0][i] * d2 * a * (1 - a));
    expect(t.z[0][0]).toBeCloseTo(z1[0], 5);
    expect(t.loss).toBeCloseTo(0.5 * (a2 - 1) ** 2, 6);
    expect(t.delta[1][0]).toBeCloseTo(d2, 6);
    expect(t.delta[0][1]).toBeCloseTo(d1[1], 6);
    expect(t.dW[0][1][0]).toBeCloseTo(d1[1] * 0.5, 6);
    expect(t.nextW[1][0][1]).toBeCloseTo(t.W[1][0][1] - 0.5 * d2 * a1[1], 6);
    disposeParams(params);
  });
  it('frees every tensor it creates', () => {
    const params = initParams(spec, 1);
    const before = tf.memory().numTensors;
    traceStep(spec, params, [1, 2], [0], 0.1);
    expect(tf.memory().numTensors).toBe(before);
    disposeParams(params);
  });
});

describe('autodiffMaxDiff', () => {
  it('finds the hand-written gradients equal to autodiff', async () => {
    const { autodiffMaxDiff } = await import('../../../src/lib/nn/autodiff');
    const spec: NetworkSpec = { sizes: [2, 3, 1], activation: 'tanh', output: 'sigmoid', loss: 'bce' };
    const params = initParams(spec, 4);
    const t = traceStep(spec, params, [0.3, 0.9], [1], 0.1);
    expect(autodiffMaxDiff(spec, params, [0.3, 0.9], [1], t)).toBeLessThan(1e-6);
    const before = tf.memory().numTensors;
    autodiffMaxDiff(spec, params, [0.3, 0.9], [1], t);
    expect(tf.memory().numTensors).toBe(before);
    disposeParams(params);
  });
  it('notices a wrong gradient', async () => {
    const { autodiffMaxDiff } = await import('../../../src/lib/nn/autodiff');
    const spec: NetworkSpec = { sizes: [2, 2, 1], activation: 'sigmoid', output: 'identity', loss: 'squared' };
    const params = initParams(spec, 4);
    const t = traceStep(spec, params, [0.3, 0.9], [1], 0.1);
    t.dW[0][0][0] += 0.01;
    expect(autodiffMaxDiff(spec, params, [0.3, 0.9], [1], t)).toBeCloseTo(0.01, 4);
    disposeParams(params);
  });
});

describe('explainStep', () => {
  const spec: NetworkSpec = { sizes: [2, 2, 1], activation: 'sigmoid', output: 'identity', loss: 'squared' };
  it('substitutes the live numbers into every step', async () => {
    const { explainStep, fmt, lineText } = await import('../../../src/lib/nn/explain');
    const params = initParams(spec, 1);
    const t = traceStep(spec, params, [0.5, -1], [1], 0.5);
    const lines = planSteps(spec.sizes).map((s) => ({ lines: explainStep(s, t).lines.map(lineText) }));
    expect(lines[0].lines[0]).toContain(`= ${fmt(t.z[0][0])}`);
    expect(lines[2].lines[0]).toBe(`ℒ = ½ × (${fmt(t.yHat[0])} − 1.0000)² = ${fmt(t.loss)}`);
    expect(lines[3].lines[0].endsWith(`= ${fmt(t.delta[1][0])}`)).toBe(true);
    expect(lines[6].lines[0].endsWith(`= ${fmt(t.nextW[0][0][0])}`)).toBe(true);
    disposeParams(params);
  });
  it('writes negative numbers with a true minus sign', async () => {
    const { fmt } = await import('../../../src/lib/nn/explain');
    expect(fmt(-0.12345)).toBe('−0.1235');
    expect(fmt(-0)).toBe('0.0000');
  });
});

describe('stepper link', () => {
  it('round-trips its settings through the URL', async () => {
    const { encodeNumbers } = await import('../../../src/lib/nn/url-numbers');
    const { decodeFields } = await import('../../../src/lib/nn/url-fields');
    const { STEPPER_FIELDS, STEPPER_PREFIX } = await import('../../../src/lib/nn/stepper');
    const values = { seed: 9, x1: -0.25, x2: 2, y: 0, alpha: 0.1 };
    const params = new URLSearchParams(encodeNumbers(values, STEPPER_PREFIX).toString());
    expect(decodeFields(params, STEPPER_PREFIX, STEPPER_FIELDS)).toEqual({ values, problems: [], notices: [] });
  });
  it('reports a hostile value and keeps the default', async () => {
    const { decodeFields } = await import('../../../src/lib/nn/url-fields');
    const { STEPPER_FIELDS, STEPPER_PREFIX } = await import('../../../src/lib/nn/stepper');
    const r = decodeFields(new URLSearchParams('bp.alpha=1e308&bp.x1=%22%3E%3Cscript%3E'), STEPPER_PREFIX, STEPPER_FIELDS);
    expect(r.values).toEqual({});
    expect(r.problems.map((p) => p.text)).toEqual([expect.stringMatching(/输入 x₁必须是数字/), expect.stringMatching(/学习率 α必须在/)]);
  });
});
