import { expect, test } from 'vitest';
import { formatBytes, formatBytesSum, formatCount, formatDuration, formatLarge, formatSci, formatZh } from '../../../src/lib/scale/format';

test('scientific notation with superscript exponents', () => {
  expect(formatSci(3.1427e23)).toBe('3.14 × 10²³');
  expect(formatSci(1e-5)).toBe('1 × 10⁻⁵');
});
test('rounding that carries to 10 moves into the exponent', () => {
  expect(formatSci(9.9999e20)).toBe('1 × 10²¹');
});
test('counts below 10¹⁵ are exact with thousands separators', () => {
  expect(formatCount(124_439_808)).toBe('124,439,808');
  expect(formatCount(9)).toBe('9');
  expect(formatCount(174_604_259_328)).toBe('174,604,259,328');
});
test('counts from 10¹⁵ up are scientific', () => {
  expect(formatCount(2.5e17)).toBe('2.5 × 10¹⁷');
});
test('nothing shows NaN or Infinity', () => {
  for (const f of [formatLarge, formatSci, formatCount, formatBytes, formatDuration, formatZh]) {
    for (const x of [NaN, Infinity, -Infinity]) {
      const s = f(x);
      expect(s).not.toMatch(/NaN|Infinity/);
    }
  }
  expect(formatCount(NaN)).toBe('—');
});
test('Chinese units for large counts', () => {
  expect(formatZh(174_604_259_328)).toBe('约 1746 亿');
  expect(formatZh(677_816)).toBe('约 67.78 万');
  expect(formatZh(15e12)).toBe('约 15 万亿');
  expect(formatZh(999)).toBe('');
});
test('bytes in decimal units up to EB, scientific before EB past 1000 EB', () => {
  expect(formatBytes(16 * 174_604_259_328)).toBe('2.79 TB');
  expect(formatBytes(2e9)).toBe('2 GB');
  expect(formatBytes(36)).toBe('36 字节');
  expect(formatBytes(1.92e18)).toBe('1.92 EB');
  expect(formatBytes(3e21)).toBe('3 × 10³ EB');
});
test('durations in the largest fitting unit', () => {
  expect(formatDuration(90)).toBe('1.5 分钟');
  expect(formatDuration(36 * 86400)).toBe('36 天');
  expect(formatDuration(3 * 365.25 * 86400)).toBe('3 年');
  expect(formatDuration(2e7 * 365.25 * 86400)).toBe('2 × 10⁷ 年');
  expect(formatDuration(0.5)).toBe('0.5 秒');
});
test('durations of a thousand units or more carry thousands separators, like every count on the page', () => {
  expect(formatDuration(53_612 * 365.25 * 86400)).toBe('53,600 年');
  expect(formatDuration(1234 * 86400)).toBe('3.38 年');
  expect(formatDuration(999_999 * 365.25 * 86400)).toBe('1,000,000 年');
});
test('FLOPs are exact below a million, scientific above', () => {
  expect(formatLarge(54_000)).toBe('54,000');
  expect(formatLarge(3.1427e23)).toBe('3.14 × 10²³');
});

test('a memory total and its parts are written in the total’s unit, never mixing units', () => {
  // The largest custom model allowed: 1.2 × 10¹⁷ weights, fp32 training 4 + 4 + 8 bytes each; bf16 2 + 2 + 12.
  const N = 1.2e17;
  expect(formatBytesSum(16 * N, [4 * N, 4 * N, 8 * N])).toBe('1.92 EB（0.48 EB + 0.48 EB + 0.96 EB）');
  expect(formatBytesSum(16 * N, [2 * N, 2 * N, 12 * N])).toBe('1.92 EB（0.24 EB + 0.24 EB + 1.44 EB）');
  expect(
    formatBytesSum(
      16 * 124_439_808,
      [4, 4, 8].map((b) => b * 124_439_808),
    ),
  ).toBe('1.99 GB（0.498 GB + 0.498 GB + 0.996 GB）');
});

test('the Chinese gloss stops at 万亿: from 10¹⁶ the scientific count is not repeated', () => {
  expect(formatZh(9.99e15)).toBe('约 9990 万亿');
  expect(formatZh(1.2e17)).toBe('');
});
