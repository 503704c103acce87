/**
 * 附录 A's generation lab: its settings and their URL form (`#gpt.prompt=…&gpt.t=0.8&gpt.cmp=1`),
 * the same controls as the §5.2 text lab (prompt, temperature, top-k, length, seed; their rules
 * are the text lab's, TEXTGEN_RULES and parsePrompt) plus `cmp`, whether the LSTM writes beside
 * the Transformer. Also the notices a prompt earns before the model reads it.
 */
import { decodeFields, type FieldParsers } from '../nn/url-fields';
import { encodeNumbers, numberFields, type NumberRules } from '../nn/url-numbers';
import { flagField } from '../nn/validate';
import { emojiBuilders, unknownNotice } from '../parse/fields';
import { parsePrompt, TEXTGEN_DEFAULTS, TEXTGEN_RULES } from '../textgen/settings';
import { droppedNotice, readable, unreadable } from '../textgen/unreadable';
import { codePoints, encode, type Vocab } from '../textgen/vocab';
import { contextNotice, lastInContext } from './context';
import type { LinkProblem } from '../url/link-problem';

export const GPT_PREFIX = 'gpt';

export type GptKey = 't' | 'len' | 'seed' | 'topk';
export const GPT_KEYS = ['t', 'len', 'seed', 'topk'] as const satisfies readonly GptKey[];
/** The text lab's own rules for these four (`len` up to 2,000 characters). */
export const GPT_RULES: NumberRules<GptKey> = { t: TEXTGEN_RULES.t, len: TEXTGEN_RULES.len, seed: TEXTGEN_RULES.seed, topk: TEXTGEN_RULES.topk };

export interface GptSettings {
  prompt: string;
  numbers: Record<GptKey, number>;
  /** The LSTM writes beside the Transformer, from the same prompt, seed and temperature. */
  compare: boolean;
}

export const GPT_DEFAULTS: GptSettings = {
  prompt: '春眠不觉晓',
  numbers: { t: TEXTGEN_DEFAULTS.t, len: TEXTGEN_DEFAULTS.len, seed: TEXTGEN_DEFAULTS.seed, topk: TEXTGEN_DEFAULTS.topk },
  compare: false,
};

/** The lab's whole list of URL keys, each with its field's parser. */
export const GPT_FIELDS: FieldParsers<Record<GptKey, number> & { prompt: string; cmp: boolean }> = {
  ...numberFields(GPT_RULES),
  prompt: parsePrompt,
  cmp: flagField('与 LSTM 对比'),
};

/** The settings a hash asks for, over the defaults, and what was wrong with it. Never throws. */
export function decodeGptSettings(params: URLSearchParams): { settings: GptSettings; problems: LinkProblem[] } {
  const { values, problems } = decodeFields(params, GPT_PREFIX, GPT_FIELDS);
  const { prompt = GPT_DEFAULTS.prompt, cmp = GPT_DEFAULTS.compare, ...numbers } = values;
  return { settings: { prompt, compare: cmp, numbers: { ...GPT_DEFAULTS.numbers, ...numbers } }, problems };
}

export function encodeGptSettings(s: GptSettings, into = new URLSearchParams()): URLSearchParams {
  into.set(`${GPT_PREFIX}.prompt`, s.prompt);
  encodeNumbers(s.numbers, GPT_PREFIX, into);
  into.set(`${GPT_PREFIX}.cmp`, s.compare ? '1' : '0');
  return into;
}

/**
 * A prompt as the lab's field keeps it (typed, from a link or from the tour): without its
 * unreadable characters, and the notice about those dropped (null when none). Never throws.
 */
export function cleanPrompt(prompt: string): { prompt: string; notice: string | null } {
  const { text, dropped } = strayDropped(prompt);
  return { prompt: text, notice: droppedNotice(dropped, '开头文字', 'prompt') };
}

/**
 * `prompt` without its stray unreadable characters (textgen/unreadable.ts), and those dropped:
 * the joiners and selectors that build an emoji (👨‍👩‍👧's U+200D) stay with it, so the field keeps
 * the emoji whole and the notice names it whole (parse/fields.ts emojiBuilders).
 */
function strayDropped(prompt: string): { text: string; dropped: string[] } {
  const inEmoji = emojiBuilders(prompt);
  const cps = codePoints(prompt);
  const stray = (c: string, i: number) => unreadable(c) && !inEmoji[i];
  return { text: cps.filter((c, i) => !stray(c, i)).join(''), dropped: cps.filter(stray) };
}

/**
 * What the reader should know about `prompt` before the Transformer reads it, in order: the
 * unreadable characters dropped from it (textgen/unreadable.ts; the lab shows and feeds
 * `readable(prompt).text`; an emoji's joiners are not named, the emoji is, whole), an empty prompt (the model starts a poem from the line break),
 * characters outside `vocab` (read as <unk>), and a prompt longer than the context, of which the
 * model reads only the last `contextLength` characters (context.ts; generate's `context` option).
 */
export function promptNotices(prompt: string, vocab: Vocab, contextLength: number): string[] {
  const { dropped } = strayDropped(prompt);
  const { text } = readable(prompt); // what the lab feeds the model (gpt-lab shownPrompt)
  const chars = codePoints(text);
  const notices: string[] = [];
  const droppedText = droppedNotice(dropped, '开头文字', 'prompt');
  if (droppedText) notices.push(droppedText);
  if (!chars.length) notices.push('开头文字是空的：模型从一首诗的开头写起。');
  const { unknown } = encode(vocab, text);
  if (unknown.length) notices.push(`开头文字里的 ${unknownNotice(unknown, prompt)}`); // whole graphemes: 🇨🇳, 👨‍👩‍👧, é
  if (lastInContext(chars, contextLength).dropped > 0) notices.push(contextNotice('开头文字', chars.length, contextLength));
  return notices;
}
