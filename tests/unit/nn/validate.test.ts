import { describe, expect, it } from 'vitest';
import { choiceField, flagField, numberField, parseChoice, parseNumber, SEED_RULE } from '../../../src/lib/nn/validate';

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
  it.each(['NaN', 'nan', ' Infinity ', '-Infinity', '+inf'])('names “%s” in words, never echoing NaN or Infinity', (text) => {
    const r = parseNumber(text, SEED_RULE, '随机种子');
    expect(r).toEqual({ ok: false, message: '随机种子必须是数字，不能是“非数”或无穷大。' });
  });
  it('rejects a fraction where an integer is required', () => {
    expect(parseNumber('2.5', { min: 1, max: 8, integer: true }).ok).toBe(false);
  });
});

describe('range messages', () => {
  it('write large bounds with the book’s thousands separators, never as a bare run of digits', () => {
    const r = parseNumber('-1', { min: 0, max: 2 ** 32 - 1, integer: true }, '随机种子');
    expect(r.ok ? '' : r.message).toBe('随机种子必须在 0 到 4,294,967,295 之间，收到 -1。');
  });

  it('leave small and fractional bounds as written', () => {
    const r = parseNumber('300', { min: 0.01, max: 250 }, '批大小');
    expect(r.ok ? '' : r.message).toBe('批大小必须在 0.01 到 250 之间，收到 300。');
  });
});

describe('rule edges', () => {
  const batch = { min: 1, max: 250, integer: true };
  it.each([
    ['1', true],
    ['250', true],
    ['0', false],
    ['251', false],
    ['250.5', false],
    ['1e2', true],
    ['+3', true],
    ['−3', false],
    ['３', true], // full-width digits read as ASCII (parse/number-text.ts),
  ])('batch “%s” → %s', (text, ok) => {
    expect(parseNumber(text, batch).ok).toBe(ok);
  });
  it('seeds are unsigned 32-bit integers', () => {
    const seed = numberField(SEED_RULE);
    expect(seed('0').ok).toBe(true);
    expect(seed('4294967295').ok).toBe(true);
    expect(seed('4294967296').ok).toBe(false);
    expect(seed('-1').ok).toBe(false);
    expect(seed('1.5').ok).toBe(false);
  });
});

describe('parseChoice', () => {
  const options = ['sgd', 'adam'] as const;
  it('accepts an option exactly as written', () => {
    expect(parseChoice('adam', options, '优化器')).toEqual({ ok: true, value: 'adam' });
  });
  it.each(['Adam', ' adam', 'toString', '__proto__', 'constructor'])('refuses “%s” and lists the options', (text) => {
    expect(choiceField(options, '优化器')(text)).toEqual({ ok: false, message: `未知的优化器“${text}”，可选：sgd、adam。` });
  });
  it('refuses an empty value as empty, listing the options', () => {
    expect(choiceField(options, '优化器')('')).toEqual({ ok: false, message: '优化器是空的，可选：sgd、adam。' });
  });
});

describe('flagField', () => {
  it.each([
    ['1', true],
    ['0', false],
  ])('reads “%s” as %s', (text, value) => {
    expect(flagField('早停')(text)).toEqual({ ok: true, value });
  });
  it.each(['true', '', '2', 'yes'])('refuses “%s”', (text) => {
    expect(flagField('早停')(text).ok).toBe(false);
  });
  it('sets a Latin name apart from the Chinese after it, and not a Chinese one', () => {
    expect(flagField('同时训练 LSTM')('2')).toEqual({ ok: false, message: '同时训练 LSTM 只能是 1（开）或 0（关），收到“2”。' });
    expect(flagField('早停')('2')).toEqual({ ok: false, message: '早停只能是 1（开）或 0（关），收到“2”。' });
  });
});

describe('parseNumber names the field as messages do everywhere', () => {
  it('with a space after a Latin name, none after a Chinese one', () => {
    expect(parseNumber('', { min: 0, max: 1 }, '目标 y')).toEqual({ ok: false, message: '目标 y 不能为空。' });
    expect(parseNumber('', { min: 0, max: 1 }, '学习率')).toEqual({ ok: false, message: '学习率不能为空。' });
  });
});
