import { expect, test } from 'vitest';
import { ACCELERATORS, acceleratorsNeeded, chinchillaTokens, trainingFlops, trainingSeconds } from '../../../src/lib/scale/compute';
import { presetById } from '../../../src/lib/scale/presets';

const a100 = ACCELERATORS.find((a) => a.id === 'a100')!;

test('GPT-3 on 300 B tokens comes out at ≈ 3.1 × 10²³ FLOPs (Brown et al. 2020: 3.14e23)', () => {
  const gpt3 = presetById('gpt3')!;
  const c = trainingFlops(gpt3.params, gpt3.tokens!);
  expect(c).toBeGreaterThan(3.1e23);
  expect(c).toBeLessThan(3.2e23);
});
test('compute is 6 FLOPs per weight per token', () => {
  expect(trainingFlops(1e9, 1e12)).toBe(6e21);
});
test('time divides compute by count × peak × utilisation', () => {
  // 312e12 FLOP/s × 1000 cards × 0.5 = 1.56e17 FLOP/s.
  expect(trainingSeconds(1.56e21, a100, 1000, 0.5)).toBeCloseTo(1e4, 6);
});
test('cards needed to finish in time round up, and the result meets the deadline', () => {
  const c = 3.14e23;
  const month = 30 * 86400;
  const n = acceleratorsNeeded(c, a100, 0.4, month);
  expect(trainingSeconds(c, a100, n, 0.4)).toBeLessThanOrEqual(month);
  expect(trainingSeconds(c, a100, n - 1, 0.4)).toBeGreaterThan(month);
});
test('a tiny job needs one card, not zero', () => {
  expect(acceleratorsNeeded(1, a100, 0.4, 86400)).toBe(1);
});
test('the 20-tokens-per-weight rule', () => {
  expect(chinchillaTokens(70e9)).toBe(1.4e12);
});
test('every accelerator has a positive peak and a source', () => {
  for (const a of ACCELERATORS) {
    expect(a.peakTflops).toBeGreaterThan(0);
    expect(a.source).not.toBe('');
  }
});
