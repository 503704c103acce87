/**
 * The one rule for how a number may be written in any of the book's numeric fields and links,
 * before it is read as a decimal (nn/validate.ts parseNumber, which every numeric field calls):
 * a Chinese keyboard's full-width forms and the thousands separators that numbers are printed
 * with in the book itself (“677,816”) are read as the plain ASCII form. Never throws.
 */

/** Full-width digits U+FF10–FF19 → 0–9; full-width ．＋－ and ｅＥ → . + - e E (a Chinese IME in full-width mode). */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0B\uFF0D\uFF45\uFF25]/g;
const toAscii = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/**
 * An integer part written in groups of three with `,` or the full-width `，` (`1,000`,
 * `677,840`, `1，000`), then the rest of the number (a fraction or exponent) or nothing. Only
 * this exact grouping is read as separators: `1,00`, `1,,000`, `,5` and `1,0000` are left as they
 * are, so the parser refuses them (a comma could be a decimal comma there: 1,5 is 1.5 in much of Europe).
 */
const GROUPED = /^([+-]?)(\d{1,3}(?:[,，]\d{3})+)((?:[.eE].*)?)$/;

/**
 * `text` (already trimmed) with full-width digits, point and signs mapped to ASCII, and the
 * separators of a correctly grouped integer part removed. Anything else is returned as it is:
 * the caller's own check decides whether it is a number.
 */
export function normaliseNumberText(text: string): string {
  const ascii = text.replace(FULL_WIDTH, toAscii);
  const m = GROUPED.exec(ascii);
  return m ? `${m[1]}${m[2].replace(/[,，]/g, '')}${m[3]}` : ascii;
}

/** What is wrong with a number that has a comma but not in groups of three (`1,00`, `1,5`, `,5`). */
export const SEPARATOR_HINT = '逗号只能作千位分隔符，每三位一个（如 1,000）；小数点请用“.”';

/** A digit (ASCII or full-width), white space of any kind (space, U+00A0, U+2009, U+3000…), a digit: `1 000` written with spaces. */
const SPACED_DIGITS = /[\d\uFF10-\uFF19]\s+[\d\uFF10-\uFF19]/u;

/**
 * What a refusal of `text` (already trimmed) adds about separators, or null: for a comma (`,` or
 * `，`) how they go (SEPARATOR_HINT); for spaces between digits (`1 000`, as some countries group
 * thousands, also with U+00A0, a thin space or the full-width U+3000) that a number has none, then
 * the same hint.
 */
export function separatorHint(text: string): string | null {
  if (SPACED_DIGITS.test(text)) return `数字中间不能有空格；${SEPARATOR_HINT}`;
  return /[,，]/.test(text) ? SEPARATOR_HINT : null;
}
