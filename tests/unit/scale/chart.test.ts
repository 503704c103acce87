import { expect, test } from 'vitest';
import { logAxis, powerLabel } from '../../../src/lib/scale/chart';

test('the axis spans at least 1 to 10¹² with a tick at every power', () => {
  const a = logAxis([9, 677_816, 1.7e11]);
  expect([a.lo, a.hi]).toEqual([0, 12]);
  expect(a.ticks).toHaveLength(13);
});
test('the axis grows to hold a larger custom model', () => {
  expect(logAxis([1.2e17]).hi).toBe(18);
});
test('values that are not finite and positive do not break the axis', () => {
  const a = logAxis([NaN, Infinity, 0, -5]);
  expect([a.lo, a.hi]).toEqual([0, 12]);
});
test('labels are powers of ten with superscript exponents', () => {
  expect(powerLabel(0)).toBe('1');
  expect(powerLabel(12)).toBe('10¹²');
});
