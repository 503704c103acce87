/**
 * Which characters of a typed or linked text a lab shows and reads: control and invisible format
 * characters (U+0000–U+001F but the line break, U+007F–U+009F, zero-width and bidi marks, \p{Cf}),
 * lone surrogates and U+FFFD (what a broken link decodes to) are dropped, so nothing unreadable
 * reaches the page or the model. One rule for the attention map and the generation lab's prompt.
 */
import { codePoints } from './vocab';

/** True for code points a lab never shows: controls but '\n', format characters, surrogates, U+FFFD. */
export const unreadable = (c: string): boolean => c !== '\n' && /^(?:\p{Cc}|\p{Cf}|\p{Cs}|\uFFFD)$/u.test(c);

/** `text` without its unreadable code points (see `unreadable`), and those it dropped, in order. Never throws. */
export function readable(text: string): { text: string; dropped: string[] } {
  const all = codePoints(text);
  const dropped = all.filter(unreadable);
  return { text: dropped.length ? all.filter((c) => !unreadable(c)).join('') : text, dropped };
}
