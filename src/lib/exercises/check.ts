/**
 * Checking an answer: pure functions the exercise component calls, one per kind. Each returns
 * whether it is right and, when it is not, a hint that is more than "wrong".
 */
import { mulberry32, shuffledIndices } from '../nn/prng';
import { parseNumber } from '../nn/validate';
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

export function checkNumeric(expected: number, tolerance: number, text: string): Verdict {
  const parsed = parseNumber(text, { min: -1e6, max: 1e6 }, '答案');
  if (!parsed.ok) return { correct: false, invalid: true, hint: parsed.message };
  const off = parsed.value - expected;
  if (Math.abs(off) <= tolerance) return { correct: true };
  const sign = Math.sign(parsed.value) !== Math.sign(expected) && expected !== 0 ? '符号不对；' : '';
  return { correct: false, hint: `${sign}与正确值相差 ${Math.abs(off).toPrecision(2)}（允许误差 ${tolerance}）。` };
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

/** `order` lists item indices as the reader arranged them; the answer is 0, 1, 2, … */
export function checkOrdering(ex: Ordering, order: number[]): Verdict {
  const wrong = order.filter((v, i) => v !== i).length;
  return wrong ? { correct: false, hint: `有 ${wrong} 项的位置不对。` } : { correct: true };
}
