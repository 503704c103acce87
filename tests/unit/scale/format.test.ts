import { expect, test } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatLarge, formatSci, formatZh } from '../../../src/lib/scale/format';

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
test('bytes in decimal units, scientific past 1000 PB', () => {
  expect(formatBytes(16 * 174_604_259_328)).toBe('2.79 TB');
  expect(formatBytes(2e9)).toBe('2 GB');
  expect(formatBytes(36)).toBe('36 字节');
  expect(formatBytes(3e21)).toBe('3 × 10²¹ 字节');
});
test('durations in the largest fitting unit', () => {
  expect(formatDuration(90)).toBe('1.5 分钟');
  expect(formatDuration(36 * 86400)).toBe('36 天');
  expect(formatDuration(3 * 365.25 * 86400)).toBe('3 年');
  expect(formatDuration(2e7 * 365.25 * 86400)).toBe('2 × 10⁷ 年');
  expect(formatDuration(0.5)).toBe('0.5 秒');
});
test('FLOPs are exact below a million, scientific above', () => {
  expect(formatLarge(54_000)).toBe('54,000');
  expect(formatLarge(3.1427e23)).toBe('3.14 × 10²³');
});
