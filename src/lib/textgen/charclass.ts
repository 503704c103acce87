/**
 * The one rule for "punctuation and line breaks": characters a 五言 poem places almost by rule
 * (，after five characters, 。after ten, a line break after the poem), so a model predicts them
 * nearly for free. The ladder (ladder.ts) reports cross-entropy over all characters and, with
 * this class left out, over the content characters alone; widgets that want the same split
 * import this file rather than writing their own list.
 *
 * Rule: a vocabulary entry is in the class when it is exactly one code point that is Unicode
 * punctuation (General Category P*: 。，、？！：；「」《》… as well as ASCII .,!?) or white space
 * (\s: the line break \n, \r, spaces). `<unk>` is a token, not a character, so it is not.
 */

const PUNCTUATION_OR_BREAK = /^[\p{P}\s]$/u;

/** Whether one vocabulary entry (a single code point, or a token such as `<unk>`) is punctuation or a line break. */
export const isPunctuationOrBreak = (char: string): boolean => PUNCTUATION_OR_BREAK.test(char);

/** mask[id] = true when vocab[id] is punctuation or a line break (isPunctuationOrBreak), for a vocabulary `chars[id]`. */
export const punctuationMask = (chars: readonly string[]): boolean[] => chars.map(isPunctuationOrBreak);
