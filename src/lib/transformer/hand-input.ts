/**
 * The attention stepper's settings, from a reader's typing, a link (`#att.text=…&att.step=3`)
 * or the guided tour: the input text (1 … HAND_MAX_CHARS characters of the model's vocabulary),
 * the step 1 … 10, the layer and the head. Every function here returns a value or a Chinese
 * message and never throws.
 */
import { parseNumber, type NamedRule, type Parsed } from '../nn/validate';
import { charTableSize, graphemes, notInVocab, quoteInput } from '../parse/fields';
import { brokenMessage, codeOf, invisibleMessage, isBroken, isInvisible } from '../textgen/unreadable';
import { linkIndexName, settingProblem, type LinkProblem } from '../url/link-problem';

/** The stepper's input is at most this many characters, so its matrices stay readable. */
export const HAND_MAX_CHARS = 8;
/** The stepper's input when nothing else is asked for: the first line of 李白《静夜思》. */
export const HAND_DEFAULT_TEXT = '床前明月光';
/** The ten steps of hand.ts, 1-based as the page numbers them. */
export const HAND_STEP_COUNT = 10;
/** The stepper's keys in the URL hash: `att.text`, `att.step`, `att.layer`, `att.head` (layer and head 0-based). */
export const HAND_PREFIX = 'att';

/** Text as the stepper will compute it: its characters (whole code points) and their ids. */
export interface HandText {
  chars: string[];
  ids: number[];
}

/**
 * True for an emoji or a piece of one, by Unicode property rather than code-point range: a
 * pictograph (\p{Extended_Pictographic}: 😀, 👍), a skin-tone modifier (\p{Emoji_Modifier}: 🏽)
 * or a flag's letter (\p{Regional_Indicator}). 𠀀 (U+20000, CJK Extension B) and 鿿 (U+9FFF) are
 * ideographs, not emoji: the vocabulary check names them as characters it lacks.
 */
export const isEmoji = (c: string): boolean => /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]$/u.test(c);

/**
 * The problem with `text` that needs no vocabulary, or null: empty, more than HAND_MAX_CHARS
 * characters, control characters (line breaks included) or invisible format characters
 * (\p{Cf}: U+200B…), lone surrogates or U+FFFD (a broken link), and emoji (isEmoji), which the
 * 唐诗 vocabulary never has. Every message names 输入, so it reads alone beside the field or after
 * a link's "链接中的设置有误" line, and quotes characters by parse/fields.ts quoteInput (an
 * invisible one as U+200B), never as U+FFFD.
 */
export function handTextProblem(text: string): string | null {
  const chars = [...text];
  if (chars.length === 0) return `输入是空的：请输入 1–${HAND_MAX_CHARS} 个字。`;
  const broken = chars.find(isBroken);
  if (broken) return brokenMessage(broken);
  const control = chars.find((ch) => /\p{Cc}/u.test(ch));
  if (control) return `输入里有换行等控制字符（${codeOf(control)}），请只输入汉字和标点。`;
  // Emoji before format characters: a family emoji's joiners (U+200D) are part of the emoji.
  const emoji = graphemes(text).find((g) => [...g].some(isEmoji)); // the whole 🇨🇳 or 👨‍👩‍👧, not its first code point
  if (emoji) return `输入里有表情符号“${quoteInput(emoji)}”，模型的字符表里没有表情符号，请只输入汉字和标点。`;
  const invisible = chars.find(isInvisible);
  if (invisible) return `${invisibleMessage(invisible)}请只输入汉字和标点。`;
  if (chars.length > HAND_MAX_CHARS) return `输入最多 ${HAND_MAX_CHARS} 个字（矩阵才放得下），现在有 ${chars.length} 个。`;
  return null;
}

/**
 * `text` as ids of `vocab` (vocab[0] is `<unk>`), or a message: handTextProblem's, or the
 * characters the vocabulary lacks (the model would only see `<unk>` for them), named as whole
 * characters by the sentence every widget uses (parse/fields.ts notInVocab).
 */
export function parseHandText(text: string, vocab: readonly string[]): Parsed<HandText> {
  const problem = handTextProblem(text);
  if (problem) return { ok: false, message: problem };
  const idOf = new Map(vocab.map((ch, id) => [ch, id]));
  const chars = [...text];
  const ids = chars.map((ch) => idOf.get(ch) ?? 0);
  const unknown = [...new Set(chars.filter((_, i) => ids[i] === 0))];
  if (unknown.length) {
    // The sentence every widget uses (parse/fields.ts notInVocab), whole characters (é, not e and U+0301), and the
    // table's size as the training lab names it (charTableSize); the stepper refuses rather than read <unk>.
    return { ok: false, message: `输入里的 ${notInVocab(unknown, text)}（${charTableSize(vocab.length)}），只会被当作 <unk>（未知字符）：请换成别的字。` };
  }
  return { ok: true, value: { chars, ids } };
}

/** Where the stepper stands: its text, the step shown (0 = none yet, else 1 … 10), layer and head (0-based). */
export interface HandSettings {
  text: string;
  step: number;
  layer: number;
  head: number;
}

export const HAND_DEFAULTS: HandSettings = { text: HAND_DEFAULT_TEXT, step: 0, layer: 0, head: 0 };

/**
 * Said beside the input's error while the steps below are still those of the last good text
 * `text`, so the reader knows whose numbers they are.
 */
export const staleStepsNote = (text: string): string => `下面仍是“${quoteInput(text)}”的计算。`;

/**
 * The settings a link asks for (`att.text`, `att.step`, `att.layer`, `att.head`), with the
 * model's limits; values out of range or malformed keep the default and are explained. The text
 * is checked here without the vocabulary; the widget checks the characters once it has it.
 */
export function readHandLink(params: URLSearchParams, limits: { layers: number; heads: number }): { settings: HandSettings; problems: LinkProblem[] } {
  const settings = { ...HAND_DEFAULTS };
  const problems: LinkProblem[] = [];
  const get = (key: string) => params.get(`${HAND_PREFIX}.${key}`);
  const text = get('text');
  if (text !== null) {
    const problem = handTextProblem(text);
    if (problem) problems.push(settingProblem(problem));
    else settings.text = text;
  }
  // The step is numbered as the page numbers it (0: none yet); layer and head are 0-based, and
  // their messages say which of the page's 第 1 层 / 第 1 个头 the link's 0 is.
  const rules: Record<'step' | 'layer' | 'head', NamedRule> = {
    step: { min: 0, max: HAND_STEP_COUNT, integer: true, name: '步骤' },
    layer: { min: 0, max: limits.layers - 1, integer: true, name: linkIndexName('层', `${HAND_PREFIX}.layer`, '第 1 层') },
    head: { min: 0, max: limits.heads - 1, integer: true, name: linkIndexName('头', `${HAND_PREFIX}.head`, '第 1 个头') },
  };
  for (const key of ['step', 'layer', 'head'] as const) {
    const raw = get(key);
    if (raw === null) continue;
    const n = parseNumber(raw, rules[key], rules[key].name);
    if (n.ok)
      settings[key] = n.value || 0; // -0 as 0
    else problems.push(settingProblem(n.message));
  }
  return { settings, problems };
}

/** `n` as an integer within [0, max] (NaN and non-numbers give 0): for the tour's Focus, which is clamped, not refused. */
export const clampIndex = (n: unknown, max: number): number => (typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(0, Math.round(n))) : 0);
