/**
 * Checking an answer: pure functions the exercise component calls, one per kind. Each returns
 * whether it is right and, when it is not, a hint that is more than "wrong".
 */
import { mulberry32, shuffledIndices } from '../nn/prng';
import { parseNumber } from '../nn/validate';
import { formatCount, formatSci } from '../scale/format';
import type { MultipleChoice, Ordering, SingleChoice } from './types';

export interface Verdict {
  correct: boolean;
  hint?: string;
  /** No answer to judge (nothing chosen, not a number): say so, but do not count an attempt. */
  invalid?: true;
}

export const checkSingle = (ex: SingleChoice, chosen: number | null): Verdict =>
  chosen === null ? { correct: false, invalid: true, hint: '请先选择一个选项。' } : { correct: chosen === ex.answer };

export function checkMultiple(ex: MultipleChoice, chosen: number[]): Verdict {
  if (!chosen.length) return { correct: false, invalid: true, hint: '请至少选择一个选项。' };
  const want = new Set(ex.answer);
  const missing = ex.answer.filter((i) => !chosen.includes(i)).length;
  const extra = chosen.filter((i) => !want.has(i)).length;
  if (!missing && !extra) return { correct: true };
  return { correct: false, hint: `${missing ? `还漏了 ${missing} 个正确选项` : ''}${missing && extra ? '，' : ''}${extra ? `多选了 ${extra} 个` : ''}。` };
}

/**
 * A numeric answer within ±`tolerance` of `expected`. A wrong answer's hint never gives the answer
 * away: it says the direction (偏大/偏小, or the sign) and how far off in words, never the
 * difference (which, for an input of 0, would be the answer itself). For a whole number that must
 * match exactly (tolerance 0: ex-10-5's unit number) it says only that the answer is not right:
 * with a direction, a reader could find it by halving the range. The tolerance is written in
 * the book's number format (scale/format.ts: "680,000", "6.8 × 10⁶"), never as "6.8e+5".
 */
/** A wrong exact whole-number answer: no direction, no distance. */
const EXACT_WRONG = '需与正确值完全一致。';

export function checkNumeric(expected: number, tolerance: number, text: string): Verdict {
  // Any finite number is an answer to judge: a range here would tell the reader where the answer is not.
  const parsed = parseNumber(text, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE }, '答案');
  if (!parsed.ok) return { correct: false, invalid: true, hint: parsed.message };
  const given = parsed.value;
  if (Math.abs(given - expected) <= tolerance) return { correct: true };
  // An exact whole number (a unit's index, a count): a direction would let the reader halve the range until it is found.
  if (tolerance === 0 && Number.isInteger(expected)) return { correct: false, hint: Number.isInteger(given) ? EXACT_WRONG : `答案是整数，${EXACT_WRONG}` };
  const allowed = tolerance > 0 ? `允许误差 ±${formatHintNumber(tolerance)}` : '需与正确值完全一致';
  return { correct: false, hint: `${numericHint(expected, given)}（${allowed}）。` };
}

/** A number in a hint: 2 significant digits; scientific from 10⁶, else as formatCount writes it (separators; scientific for fractions below 10⁻³). */
export function formatHintNumber(x: number): string {
  const rounded = Number(x.toPrecision(2));
  return Math.abs(rounded) >= 1e6 ? formatSci(rounded, 2) : formatCount(rounded);
}

/** Direction and size of the miss in words (`given` ≠ `expected`, both finite). */
function numericHint(expected: number, given: number): string {
  if (given === 0) return `答案不是 0：正确值${expected > 0 ? '是正数' : '是负数'}`;
  if (expected === 0 || Math.sign(given) !== Math.sign(expected)) {
    return expected === 0 ? `偏${given > 0 ? '大' : '小'}了` : '符号不对';
  }
  const ratio = Math.abs(given) / Math.abs(expected);
  const way = ratio > 1 ? '偏大' : '偏小';
  const r = Math.max(ratio, 1 / ratio);
  const size = r >= 10 ? '差了一个数量级以上' : r >= 2 ? '差了一倍以上' : r >= 1.1 ? '差了一成以上' : '已经接近，但还在允许误差之外';
  return `${way}，${size}`;
}

/** The order items are first shown in: a shuffle seeded by the exercise id, never already solved. */
export function displayOrder(ex: Ordering): number[] {
  let seed = 0;
  for (const ch of ex.id) seed = (Math.imul(seed, 31) + ch.codePointAt(0)!) >>> 0;
  for (let attempt = 0; ; attempt++) {
    const order = shuffledIndices(ex.items.length, mulberry32(seed + attempt));
    if (ex.items.length < 2 || order.some((v, i) => v !== i)) return order;
  }
}

/**
 * `order` lists item indices as the reader arranged them; the answer is 0, 1, 2, … for each of
 * `ex`'s items, so an order that leaves an item out counts that place as wrong.
 */
export function checkOrdering(ex: Ordering, order: number[]): Verdict {
  const wrong = ex.items.filter((_, i) => order[i] !== i).length;
  return wrong ? { correct: false, hint: `有 ${wrong} 项的位置不对。` } : { correct: true };
}
