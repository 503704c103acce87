/**
 * How the attention map shows and names each position. The model reads code points
 * (textgen/vocab.ts), so the map has one position per code point, but a reader sees graphemes:
 * 🇨🇳 is two code points (two regional indicators), é may be e + U+0301. A position that is one
 * code point of a larger grapheme is named as that part of the whole (“🇨🇳”的第 1 个码位（U+1F1E8）),
 * and a combining mark is drawn on a dotted circle (◌́) rather than on the box before it, so
 * the reader sees why one character takes two positions. Pure; never throws.
 */
import { graphemes } from '../parse/fields';
import { codeOf } from '../textgen/unreadable';
import { shownChar } from './map-text';

export interface PositionLabel {
  /** What the position's button and head rows show. */
  shown: string;
  /** Its accessible name, after 第 i 个字: `“床”`, or `：“🇨🇳”的第 1 个码位（U+1F1E8）` for a part. */
  name: string;
  /** True when the position is one code point of a grapheme of several. */
  part: boolean;
}

/** A combining mark (accents, tone marks): shown on U+25CC, as Unicode's charts show them. */
const MARK = /^\p{M}$/u;

/** One label per entry of `chars` (code points, as the map's positions are). */
export function positionLabels(chars: readonly string[]): PositionLabel[] {
  const labels: PositionLabel[] = [];
  for (const g of graphemes(chars.join(''))) {
    const cps = [...g];
    if (cps.length === 1) {
      labels.push({ shown: shownChar(g), name: `“${shownChar(g)}”`, part: false });
      continue;
    }
    cps.forEach((c, k) => labels.push({ shown: MARK.test(c) ? `\u25CC${c}` : c, name: `：“${g}”的第 ${k + 1} 个码位（${codeOf(c)}）`, part: true }));
  }
  return labels;
}
