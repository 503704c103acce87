import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/lib/nn/validate';
import { normaliseNumberText } from '../../../src/lib/parse/number-text';
import { checkNumeric } from '../../../src/lib/exercises/check';
import { WHY_FIELDS } from '../../../src/lib/interpret/settings';
import { SCALE_FIELDS } from '../../../src/lib/scale/settings';
import { GPT_FIELDS } from '../../../src/lib/transformer/generate-settings';
import { readHandLink } from '../../../src/lib/transformer/hand-input';
import { tourStepFrom } from '../../../src/lib/transformer/tour';

const wide = { min: -1e9, max: 1e9 };

describe('numbers as readers write them (parse/number-text.ts, through parseNumber)', () => {
  it.each([
    ['1,000', 1000],
    ['677,840', 677840],
    ['1,234,567', 1234567],
    ['1，000', 1000],
    ['-1,000', -1000],
    ['1,000.5', 1000.5],
    ['1,000e3', 1e6],
  ])('reads the thousands separators of “%s”', (text, value) => {
    expect(parseNumber(text, wide)).toEqual({ ok: true, value });
  });

  it.each([
    ['１２', 12],
    ['０.５', 0.5],
    ['０．５', 0.5],
    ['－３', -3],
    ['１，０００', 1000],
    ['３ｅ－２', 0.03],
  ])('reads the full-width digits of “%s”', (text, value) => {
    expect(parseNumber(text, wide)).toEqual({ ok: true, value });
  });

  it.each(['1,00', '1,,000', ',5', '1,0000', '12,34,567', '1,000,', '1.000,5', '1,5'])(
    'refuses the ambiguous “%s”, quoting it as typed and saying how separators go',
    (text) => {
      expect(parseNumber(text, wide, '答案')).toEqual({
        ok: false,
        message: `答案必须是数字，收到“${text}”：逗号只能作千位分隔符，每三位一个（如 1,000）；小数点请用“.”。`,
      });
    },
  );

  it.each([
    ['1 000', '1 000'],
    ['1\u00A0000', null],
    ['1\u2009000', null],
    ['1\u3000000', null],
    ['１ ０００', '１ ０００'],
  ])('refuses the spaced “%s” with the hint a comma gets, and says a number has no spaces', (text, quoted) => {
    const r = parseNumber(text, wide, '答案');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/^答案必须是数字，收到“.+”：数字中间不能有空格；逗号只能作千位分隔符，每三位一个（如 1,000）；小数点请用“.”。$/);
      if (quoted) expect(r.message).toContain(`收到“${quoted}”`);
    }
  });

  it('says nothing of separators when the text has no comma', () => {
    expect(parseNumber('1.2.3', wide, '答案')).toEqual({ ok: false, message: '答案必须是数字，收到“1.2.3”。' });
  });

  it('quotes a full-width number out of range as the reader typed it', () => {
    expect(parseNumber('１２', { min: 0, max: 5 }, '层数')).toEqual({ ok: false, message: '层数必须在 0 到 5 之间，收到 １２。' });
  });

  it('leaves text that is no grouped number as it is', () => {
    expect(normaliseNumberText('1,00')).toBe('1,00');
    expect(normaliseNumberText('abc')).toBe('abc');
  });
});

describe('every numeric field of the book reads separators and full-width digits', () => {
  it('the scale calculator (§2.1): a token count with separators', () => {
    expect(SCALE_FIELDS.D('300,000,000,000')).toEqual({ ok: true, value: 300e9 });
  });
  it('a numeric exercise: the §5.2 LSTM’s count as the book prints it', () => {
    expect(checkNumeric(677816, 0, '677,816').correct).toBe(true);
  });
  it('§10.4’s unit number in full-width digits', () => {
    expect(WHY_FIELDS.unit('１２')).toEqual({ ok: true, value: 12 });
  });
  it('附录 A’s generation length with a full-width separator', () => {
    expect(GPT_FIELDS.len('1，000')).toEqual({ ok: true, value: 1000 });
  });
  it('the attention stepper’s step and the tour’s step in a link, in full-width digits', () => {
    expect(readHandLink(new URLSearchParams('att.step=３'), { layers: 2, heads: 4 }).settings.step).toBe(3);
    expect(tourStepFrom(new URLSearchParams('tour.step=２')).step).toBe(1);
  });
});
