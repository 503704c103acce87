/**
 * The attention map's text, as typed by the reader, read from a link, or written by the model:
 * one rule for all three. The model reads code points (textgen/vocab.ts), at most its context
 * length T_max of them, the last ones (context.ts); a character outside the vocabulary is read as <unk> (id 0) and said so.
 * Control and invisible format characters (U+0000–U+001F but the line break, U+007F–U+009F,
 * zero-width and bidi marks, \p{Cf}), lone surrogates and U+FFFD (what a broken link decodes
 * to) are dropped, with a notice, so nothing unreadable reaches the page. A broken character is
 * reported as the attention stepper reports it (textgen/unreadable.ts: the link may be damaged).
 * The joiners and selectors of an emoji (👨‍👩‍👧's U+200D) are dropped too but not named: the emoji
 * is named whole, as every unknown character is (parse/fields.ts unknownGraphemes). A text of
 * spaces and line breaks only is refused.
 */
import { emojiBuilders, graphemes, unknownGraphemes, unknownNotice } from '../parse/fields';
import { brokenMessage, codeOf, droppedNotice, isBroken, unreadable } from '../textgen/unreadable';
import { codePoints, type Vocab } from '../textgen/vocab';
import { contextNotice, lastInContext } from './context';

export type CheckedMapText =
  | {
      ok: true;
      /** The text the map shows: what was kept, joined. */
      text: string;
      /** One entry per position, code points. */
      chars: string[];
      /** Vocabulary ids, 0 (<unk>) for unknown characters; empty when no vocabulary was given. */
      ids: number[];
      /** Distinct characters read as <unk>, in order of first appearance, as whole graphemes of the text (🇨🇳, 👨‍👩‍👧). */
      unknown: string[];
      /** What was changed or how it is read, for the reader (Chinese). */
      notices: string[];
    }
  | { ok: false; message: string };

/** The one notice for characters read as <unk>: parse/fields.ts, re-exported for this module's importers. */
export { unknownNotice };

/** The refusal of a text of spaces and line breaks only. */
export const BLANK_TEXT = '文字只有空白：请输入至少一个字。';

/**
 * What the map says when emoji were written with the invisible code points that join their parts
 * (👨‍👩‍👧's U+200D, ❤️'s U+FE0F): the model does not read those, so the map shows the parts alone
 * (map-positions.ts names each by its place in the whole). Null when there are none. Never throws.
 */
export function emojiJoinerNotice(text: string): string | null {
  const emoji = new Set<string>();
  const joiners = new Set<string>();
  for (const g of graphemes(text)) {
    const builds = emojiBuilders(g);
    for (const [k, c] of [...g].entries()) {
      if (!builds[k] || !unreadable(c)) continue;
      emoji.add(g);
      joiners.add(c);
    }
  }
  if (!joiners.size) return null;
  const codes = [...joiners].map(codeOf).join('、');
  return `${[...emoji].map((g) => `“${g}”`).join('、')}里把各部分连成一个表情的不可见字符（${codes}）模型不读，图中只有各部分本身。`;
}

/** How a position's character is shown: a line break as ↵, a space as ␣. */
export const shownChar = (c: string): string => (c === '\n' ? '↵' : c === ' ' ? '␣' : c);

/**
 * Checks `raw` for the map: drops unreadable characters, keeps the last `contextLength` (the one
 * rule of context.ts: what generation conditions on), and
 * (given `vocab`) maps each character to its id. Refuses only text with nothing left to show.
 * Never throws, whatever `raw` is.
 */
export function checkMapText(raw: unknown, contextLength: number, vocab?: Vocab): CheckedMapText {
  const text = typeof raw === 'string' ? raw : '';
  const all = codePoints(text);
  const kept = all.filter((c) => !unreadable(c));
  const broken = all.find(isBroken);
  const notices: string[] = [];
  if (kept.length === 0) {
    const why = broken !== undefined ? brokenMessage(broken, '文字') : all.length ? '文字里没有可以显示的字符。' : '文字为空：';
    return { ok: false, message: `${why}请输入至少一个字。` };
  }
  // Spaces and line breaks alone give the model nothing to read (§9.2 and §10.4 refuse them the same way).
  if (kept.join('').trim() === '') return { ok: false, message: BLANK_TEXT };
  // The joiners and selectors inside an emoji are dropped with it unnamed: the emoji is named whole below.
  const inEmoji = emojiBuilders(text);
  const stray = all.filter((c, i) => unreadable(c) && !inEmoji[i]);
  const droppedText = droppedNotice(stray, '文字', 'map'); // names each, as the stepper names U+0000
  if (droppedText) notices.push(droppedText);
  const joined = emojiJoinerNotice(text);
  if (joined) notices.push(joined);
  const { kept: chars, dropped } = lastInContext(kept, contextLength);
  if (dropped > 0) notices.push(contextNotice('文字', kept.length, contextLength));
  const ids: number[] = [];
  const unknown = new Set<string>();
  if (vocab) {
    for (const c of chars) {
      const id = vocab.index.get(c);
      if (id === undefined || id === 0) unknown.add(c);
      ids.push(id ?? 0);
    }
  }
  // Named as the reader wrote them: 🇨🇳 and 👨‍👩‍👧 whole, though the model reads their code points.
  const named = unknownGraphemes([...unknown], text);
  if (named.length) notices.push(unknownNotice(named));
  return { ok: true, text: chars.join(''), chars, ids, unknown: named, notices };
}
