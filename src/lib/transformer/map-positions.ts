/**
 * How the attention map shows and names each position. The model reads code points
 * (textgen/vocab.ts), so the map has one position per code point, but a reader sees graphemes:
 * 🇨🇳 is two code points (two regional indicators), é may be e + U+0301. A position that is one
 * code point of a larger grapheme is named as that part of the whole (“🇨🇳”的第 1 个码位（U+1F1E8）),
 * and a combining mark is drawn on a dotted circle (◌́) rather than on the box before it, so
 * the reader sees why one character takes two positions. Pure; never throws.
 * The invisible code points that join an emoji's parts (👨‍👩‍👧's U+200D) are not read (map-text.ts
 * drops them), so 👨, 👩 and 👧 are three positions, named by where they stand in the whole:
 * “👨‍👩‍👧”的第 1、第 3、第 5 个码位 — the gaps are the joiners.
 */
import { graphemes } from '../parse/fields';
import { codeOf, unreadable } from '../textgen/unreadable';
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

/** A position: code point `c`, the `k`-th (from 0) of grapheme `g` of the reader's text. */
interface Placed {
  c: string;
  g: string;
  k: number;
}

/** Every code point the model reads from `source` (the unreadable ones left out), with its grapheme. */
const placed = (source: string): Placed[] => graphemes(source).flatMap((g) => [...g].flatMap((c, k) => (unreadable(c) ? [] : [{ c, g, k }])));

/**
 * One label per entry of `chars` (code points, as the map's positions are). `source` is the text
 * they were read from, as the reader wrote it (joiners included); `chars` are its last readable code
 * points. Without it, or when `chars` are not that, the graphemes of `chars` themselves are used.
 */
export function positionLabels(chars: readonly string[], source?: string): PositionLabel[] {
  let all = placed(source ?? '').slice(-chars.length);
  if (all.length !== chars.length || all.some((p, i) => p.c !== chars[i])) all = placed(chars.join(''));
  return all.map(({ c, g, k }) =>
    [...g].length === 1
      ? { shown: shownChar(c), name: `“${shownChar(c)}”`, part: false }
      : { shown: MARK.test(c) ? `\u25CC${c}` : c, name: `：“${g}”的第 ${k + 1} 个码位（${codeOf(c)}）`, part: true },
  );
}
