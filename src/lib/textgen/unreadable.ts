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

/**
 * Where characters were dropped, which sets how the notice is worded (the field's name is `what`):
 * - 'corpus': a training text (text-lab, §10.2's training): dropped before training, each one
 *   counted, “文本里有 3 个看不见的控制字符或格式字符，训练前已删去：U+0000 ×2、U+200D ×1。”
 * - 'prompt': a field that keeps the text without them (the generation lab's 开头文字):
 *   “开头文字里的 1 个控制字符或不可见字符（U+0000）已删去。”
 * - 'map': a text the view reads without them (the attention map, §10.4):
 *   “文字里有看不见的控制字符或格式字符（U+0007、U+200B）。已删去 2 个控制字符或不可见字符。”
 */
export type DropPlace = 'corpus' | 'prompt' | 'map';

/** Each distinct character of `cs` by code point, in order of first appearance, with its count: "U+0000 ×2、U+200D ×1". */
const counted = (cs: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const c of cs) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => `${codeOf(c)} ×${n}`).join('、');
};

/**
 * The one notice for the unreadable characters `dropped` from the field `what` (in text order, as
 * `readable` returns them), or null when none was. Characters are named by code point only. A
 * broken one (U+FFFD, a lone surrogate) comes first with the damaged-link message, since it says
 * the link was cut, then how many characters of either kind were dropped:
 * “文字里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了。已删去 2 个无法识别或不可见的字符。”
 * ('corpus' adds 训练前 and the counted list; 'prompt' the others' code points). Never throws.
 */
export function droppedNotice(dropped: readonly string[], what: string, place: DropPlace): string | null {
  const n = dropped.length;
  if (n === 0) return null;
  const names = [...new Set(dropped)].map(codeOf).join('、');
  const broken = dropped.find(isBroken);
  if (broken !== undefined) {
    // brokenMessage already names the broken character: a field's list follows only when there are others.
    const list = place === 'corpus' ? `：${counted(dropped)}` : place === 'prompt' && names !== codeOf(broken) ? `（${names}）` : '';
    return `${brokenMessage(broken, what)}${place === 'corpus' ? '训练前' : ''}已删去 ${n} 个无法识别或不可见的字符${list}。`;
  }
  if (place === 'corpus') return `${what}里有 ${n} 个看不见的控制字符或格式字符，训练前已删去：${counted(dropped)}。`;
  if (place === 'prompt') return `${what}里的 ${n} 个控制字符或不可见字符（${names}）已删去。`;
  return `${invisibleMessage(dropped, what)}已删去 ${n} 个控制字符或不可见字符。`;
}
