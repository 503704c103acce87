/**
 * Which LSTM units fire on a class of characters: for each unit u, the mean of its activation
 * h_t[u] over the positions t whose character is in the class, minus its mean over the other
 * positions (a difference of means, the simplest "selectivity" score; cf. Karpathy, Johnson &
 * Fei-Fei 2015, "Visualizing and Understanding Recurrent Networks", who look for such units in
 * character LSTMs). Plain numbers, no TF.js.
 */
import { isPunctuationOrBreak } from '../textgen/charclass';

export const CHAR_CLASSES = ['punct', 'break', 'char'] as const;
export type CharClass = (typeof CHAR_CLASSES)[number];
export const CLASS_LABELS: Record<CharClass, string> = { punct: '标点', break: '换行', char: '指定的字' };

/**
 * Whether a character is in the class: `punct` is charclass.ts's punctuation-or-break rule
 * without white space (。，、？！ …), `break` the line break, `char` exactly `chosen`.
 */
export function inClass(c: string, cls: CharClass, chosen = ''): boolean {
  if (cls === 'punct') return isPunctuationOrBreak(c) && !/^\s$/u.test(c);
  if (cls === 'break') return c === '\n';
  return c === chosen;
}

export interface UnitScore {
  unit: number;
  /** Mean activation over the class's positions. */
  inside: number;
  /** Mean activation over the other positions. */
  outside: number;
  /** inside − outside. */
  score: number;
}

/**
 * The `top` units with the largest score (ties by lower unit number), for activations
 * acts [T][U] and mask [T] (true where the character is in the class). Returns [] when the
 * class or its complement has no position, since a mean over nothing is undefined.
 */
export function rankUnits(acts: readonly (readonly number[])[], mask: readonly boolean[], top = 8): UnitScore[] {
  const n = mask.filter(Boolean).length;
  if (n === 0 || n === mask.length || acts.length !== mask.length) return [];
  const U = acts[0].length;
  const scores: UnitScore[] = [];
  for (let u = 0; u < U; u++) {
    let a = 0;
    let b = 0;
    acts.forEach((row, t) => (mask[t] ? (a += row[u]) : (b += row[u])));
    const inside = a / n;
    const outside = b / (mask.length - n);
    scores.push({ unit: u, inside, outside, score: inside - outside });
  }
  return scores.sort((x, y) => y.score - x.score || x.unit - y.unit).slice(0, top);
}
