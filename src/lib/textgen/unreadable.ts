/**
 * The one rule for characters a reader's text should not contain, shared by the attention
 * stepper, the attention map and the compression lab (and any widget that reads typed or linked
 * text):
 * - broken: U+FFFD and lone surrogates. A link decodes a malformed `%` sequence to U+FFFD, so
 *   such a character almost always means the link was cut or mangled when it was forwarded.
 * - invisible: control characters (\p{Cc}: NUL, tab…) but the line break, and format
 *   characters (\p{Cf}: zero-width and bidi marks).
 * Messages name a character by its code point (U+FFFD), never by the character itself, so
 * nothing unreadable reaches the page. Where a lab drops such characters before the model reads
 * them (the attention map, the generation lab's prompt), `readable` says which.
 */
import { codePoints } from './vocab';

/** `c` (one code point) as "U+FFFD": four hex digits at least, upper case. */
export const codeOf = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** True for U+FFFD and for a lone surrogate (one code unit of a broken pair). */
export const isBroken = (c: string): boolean => c === '\uFFFD' || /^\p{Cs}$/u.test(c);

/** True for control characters other than the line break, and for invisible format characters. */
export const isInvisible = (c: string): boolean => c !== '\n' && /^(?:\p{Cc}|\p{Cf})$/u.test(c);

/** What a text with the broken character `c` is told: `what` is the field's name (输入, 文字, 开头文字). */
export const brokenMessage = (c: string, what = '输入'): string => `${what}里有无法识别的字符（${codeOf(c)}），可能是链接在转发时损坏了。`;

/**
 * What a text with the invisible character `c` (or characters: each distinct one named, in order
 * of first appearance, “（U+0007、U+200B）”) is told; the caller adds what becomes of them.
 */
export const invisibleMessage = (c: string | readonly string[], what = '输入'): string =>
  `${what}里有看不见的控制字符或格式字符（${[...new Set(typeof c === 'string' ? [c] : c)].map(codeOf).join('、')}）。`;

/**
 * The warning for `text`, or null when it has neither a broken nor an invisible character
 * (code points, not UTF-16 units). A broken character is named first: it says the link is
 * damaged, which matters more than an invisible mark. Never throws.
 */
export function unreadableWarning(text: string, what = '输入'): string | null {
  const chars = Array.from(text);
  const broken = chars.find(isBroken);
  if (broken !== undefined) return brokenMessage(broken, what);
  const invisible = chars.filter(isInvisible);
  return invisible.length === 0 ? null : invisibleMessage(invisible, what);
}

/** `text` with each broken or invisible character written as its code point ("春U+0000眠"), for showing it back to the reader. */
export const readableText = (text: string): string => Array.from(text, (c) => (isBroken(c) || isInvisible(c) ? codeOf(c) : c)).join('');

/** True for code points a lab never shows or reads: broken or invisible (see above). */
export const unreadable = (c: string): boolean => isBroken(c) || isInvisible(c);

/** `text` without its unreadable code points, and those it dropped, in order. Never throws. */
export function readable(text: string): { text: string; dropped: string[] } {
  const all = codePoints(text);
  const dropped = all.filter(unreadable);
  return { text: dropped.length ? all.filter((c) => !unreadable(c)).join('') : text, dropped };
}
