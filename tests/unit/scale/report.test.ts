import { expect, test } from 'vitest';
import { defaultTokens, scaleReport, tokensOrigin } from '../../../src/lib/scale/report';
import { presetById } from '../../../src/lib/scale/presets';
import { SCALE_DEFAULTS } from '../../../src/lib/scale/settings';

test('the report for the GPT-3 preset carries ≈ 3.1 × 10²³ FLOPs and a finite time', () => {
  const r = scaleReport({ ...SCALE_DEFAULTS, m: 'gpt3', D: 300e9 });
  expect(r.ok && r.report.flops).toBeGreaterThan(3.1e23);
  expect(r.ok && r.report.flops).toBeLessThan(3.2e23);
  expect(r.ok && Number.isFinite(r.report.seconds)).toBe(true);
});
test('a custom shape whose heads do not divide d_model gives a message, not a report', () => {
  const r = scaleReport({ ...SCALE_DEFAULTS, m: 'custom', d: 100, h: 3 });
  expect(r.ok).toBe(false);
});

test('a model without a published token count starts at 20 tokens per weight', () => {
  expect(defaultTokens(124_439_808, null)).toBe(2_488_796_160);
  expect(defaultTokens(1, 300e9)).toBe(300e9);
});
test('cards needed for the GPT-3 run in 30 days on A100s at 40 % is the ceiling of C / (312e12 · 0.4 · 30 days)', () => {
  const r = scaleReport({ ...SCALE_DEFAULTS, m: 'gpt3', D: 300e9, g: 'a100', u: 40, days: 30 });
  expect(r.ok && r.report.needed).toBe(Math.ceil(r.ok ? r.report.flops / (312e12 * 0.4 * 30 * 86400) : 0));
});
test('D next to a preset without published tokens says it is 20·N (Chinchilla), not a published figure', () => {
  const gpt2 = presetById('gpt2')!;
  expect(tokensOrigin('gpt2', defaultTokens(gpt2.params, null))).toBe('GPT-2（124M）没有公布训练词元数，按 D ≈ 20·N（Chinchilla，Hoffmann et al. 2022）估计。');
});
test('D next to a preset with published tokens says so; a changed D is the reader’s own', () => {
  expect(tokensOrigin('gpt3', 300e9)).toContain('公布的训练词元数');
  expect(tokensOrigin('gpt3', 1e9)).toBe('这是你设定的值；选 GPT-3（175B）时 D 从 300,000,000,000 开始。');
});
test('D next to the custom model states the rule: it keeps the value it had', () => {
  expect(tokensOrigin('custom', 15e12)).toContain('D 保持原值');
});
test('a name next to Chinese text gets a space, except beside a full-width bracket', () => {
  expect(tokensOrigin('bert-base', 256 * 512 * 1e6)).toMatch(/^BERT-base 公布/);
  expect(tokensOrigin('bert-base', 1)).toContain('选 BERT-base 时');
  expect(tokensOrigin('gpt2', 1)).toContain('选 GPT-2（124M）时');
});
