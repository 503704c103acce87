/**
 * Reader-typed and link-supplied text becomes a typed value or a clear message — never NaN on
 * screen, never an exception. Every widget field and the URL decoder for the same setting call
 * the same parser here, so a link can set exactly what the field accepts.
 */
import { isChoice } from '../parse/choice';
import { messageName, notAnOption, quoteInput } from '../parse/fields';
import { normaliseNumberText, separatorHint } from '../parse/number-text';
import { formatCount } from '../scale/format';

export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
}

/** A rule with the name the reader sees beside the field (and in its messages). */
export interface NamedRule extends NumberRule {
  name: string;
}

export type Parsed<T = number> = { ok: true; value: T } | { ok: false; message: string };

/** Turns text into a value of T, or explains why not. Never throws. */
export type FieldParser<T> = (text: string) => Parsed<T>;

/** Seeds are mulberry32 states: unsigned 32-bit integers. Shared by every widget with a seed. */
export const SEED_RULE: NamedRule = { min: 0, max: 2 ** 32 - 1, integer: true, name: '随机种子' };

const NON_FINITE_WORD = /^[+-]?(nan|inf|infinity)$/i;

/**
 * True for text that names a non-finite number as programs print it (NaN, Infinity, inf; any
 * case, signed, trimmed): a message describes it in words rather than echo it, so the page never
 * shows "NaN".
 */
export const isNonFiniteWord = (text: string): boolean => NON_FINITE_WORD.test(text.trim());

/** A bound in a message: whole numbers from 10,000 up with the book's separators (“4,294,967,295”), others as written. */
const bound = (x: number): string => (Number.isInteger(x) && Math.abs(x) >= 1e4 ? formatCount(x) : String(x));

/**
 * A number within `rule`. Accepts plain decimals and exponent forms (`3e-2`), trimmed, also as
 * written with thousands separators or full-width digits (`677,840`, `１２`, `０．５`: the one rule
 * of parse/number-text.ts normaliseNumberText); refuses ambiguous separators (`1,00`, `,5`) and
 * spaces between digits (`1 000`) with a hint on how to write them (separatorHint),
 * empty text, hex, `Infinity` and `NaN` (named in words, never echoed), values past ±1.8e308,
 * fractions where an integer is required, and anything outside [min, max].
 */
export function parseNumber(text: string, rule: NumberRule, field = '数值'): Parsed {
  const name = messageName(field);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${name}不能为空。` };
  // NaN and Infinity are named in words, not echoed: the page never shows "NaN" or "Infinity".
  if (isNonFiniteWord(trimmed)) return { ok: false, message: `${name}必须是数字，不能是“非数”或无穷大。` };
  // Number() accepts "0x10", "Infinity" and " "; require a plain decimal or exponent form.
  const plain = normaliseNumberText(trimmed);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) {
    const hint = separatorHint(trimmed);
    return { ok: false, message: `${name}必须是数字，收到“${quoteInput(trimmed)}”${hint ? `：${hint}` : ''}。` };
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) return { ok: false, message: `${name}太大了，超出了可以计算的范围。` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: `${name}必须是整数。` };
  if (value < rule.min || value > rule.max) {
    return { ok: false, message: `${name}必须在 ${bound(rule.min)} 到 ${bound(rule.max)} 之间，收到 ${quoteInput(trimmed)}。` };
  }
  return { ok: true, value };
}

/** The parser for one named numeric field. */
export const numberField =
  (rule: NamedRule): FieldParser<number> =>
  (text) =>
    parseNumber(text, rule, rule.name);

/** One of `options`, matched exactly (case and all); anything else is refused with the list. */
export function parseChoice<T extends string>(text: string, options: readonly T[], name: string): Parsed<T> {
  if (isChoice(text, options)) return { ok: true, value: text };
  return { ok: false, message: notAnOption(name, text, options) };
}

/** The parser for a select-like field offering `options`, which the reader sees by these same names. */
export const choiceField =
  <T extends string>(options: readonly T[], name: string): FieldParser<T> =>
  (text) =>
    parseChoice(text, options, name);

/** A yes/no setting as a link writes it: "1" or "0". */
export const flagField =
  (name: string): FieldParser<boolean> =>
  (text) =>
    text === '1' || text === '0'
      ? { ok: true, value: text === '1' }
      : { ok: false, message: `${messageName(name)}只能是 1（开）或 0（关），收到“${quoteInput(text)}”。` };
