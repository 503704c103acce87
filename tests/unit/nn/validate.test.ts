import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/lib/nn/validate';

const rate = { min: 0, max: 10 };

describe('parseNumber', () => {
  it('accepts a plain decimal', () => {
    expect(parseNumber(' 0.03 ', rate)).toEqual({ ok: true, value: 0.03 });
  });
  it('accepts exponent notation', () => {
    expect(parseNumber('3e-2', rate)).toEqual({ ok: true, value: 0.03 });
  });
  it.each([
    ['', /不能为空/],
    ['abc', /必须是数字/],
    ['0x10', /必须是数字/],
    ['Infinity', /必须是数字/],
    ['-Infinity', /必须是数字/],
    ['1e309', /太大了/],
    ['1e308', /之间/],
    ['1e6', /之间/],
  ])('rejects “%s” with a message', (text, message) => {
    const r = parseNumber(text, rate, '学习率');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  it('rejects a fraction where an integer is required', () => {
    expect(parseNumber('2.5', { min: 1, max: 8, integer: true }).ok).toBe(false);
  });
});
