/**
 * The text lab's settings and their URL form (`#tg.corpus=poetry&tg.prompt=…&tg.t=0.8`), so
 * an instructor's link gives every student the same corpus, prompt, temperature and seed —
 * and, at a fixed seed, the same poem. `TEXTGEN_FIELDS` is the one list of what each setting
 * accepts: the lab's fields and `decodeSettings` both parse with it.
 */
import { decodeFields, type FieldParsers } from '../nn/url-fields';
import { encodeNumbers, numberFields, type NumberRules } from '../nn/url-numbers';
import { choiceField, SEED_RULE, type FieldParser } from '../nn/validate';
import { codePoints } from './vocab';
import type { LinkProblem } from '../url/link-problem';

export const CORPUS_NAMES = ['poetry', 'book', 'mine'] as const;
export type CorpusName = (typeof CORPUS_NAMES)[number];
export const CORPORA: Record<CorpusName, string> = { poetry: '唐诗（预训练检查点）', book: '本书', mine: '我的文本' };
export const TEXTGEN_PREFIX = 'tg';
/** The prompt's length limit, in characters (code points, so an emoji counts once). */
export const MAX_PROMPT = 100;

export type TextgenKey = 't' | 'len' | 'seed' | 'topk' | 'epochs' | 'batch';
export const TEXTGEN_DEFAULTS: Record<TextgenKey, number> = { t: 0.8, len: 120, seed: 1, topk: 0, epochs: 1, batch: 64 };
export const TEXTGEN_RULES: NumberRules<TextgenKey> = {
  t: { min: 0, max: 2, name: '温度' },
  len: { min: 1, max: 2000, integer: true, name: '长度' },
  seed: SEED_RULE,
  topk: { min: 0, max: 3000, integer: true, name: 'top-k（0 为不限）' },
  epochs: { min: 1, max: 50, integer: true, name: '训练轮数' },
  batch: { min: 1, max: 512, integer: true, name: '批大小' },
};

/** A prompt of at most MAX_PROMPT characters; longer ones are refused, not cut. */
export const parsePrompt: FieldParser<string> = (text) =>
  codePoints(text).length <= MAX_PROMPT
    ? { ok: true, value: text }
    : { ok: false, message: `开头文字不能超过 ${MAX_PROMPT} 个字符，收到 ${codePoints(text).length} 个。` };

/** The lab's whole list of URL keys, each with its field's parser. */
export const TEXTGEN_FIELDS: FieldParsers<Record<TextgenKey, number> & { corpus: CorpusName; prompt: string }> = {
  ...numberFields(TEXTGEN_RULES),
  corpus: choiceField(CORPUS_NAMES, '语料'),
  prompt: parsePrompt,
};

export interface TextgenSettings {
  corpus: CorpusName;
  prompt: string;
  numbers: Record<TextgenKey, number>;
}

export const DEFAULT_SETTINGS: TextgenSettings = { corpus: 'poetry', prompt: '春眠不觉晓', numbers: { ...TEXTGEN_DEFAULTS } };

/** The settings a hash asks for, over the defaults, and what was wrong with it. Never throws. */
export function decodeSettings(params: URLSearchParams): { settings: TextgenSettings; problems: LinkProblem[] } {
  const { values, problems } = decodeFields(params, TEXTGEN_PREFIX, TEXTGEN_FIELDS);
  const { corpus = DEFAULT_SETTINGS.corpus, prompt = DEFAULT_SETTINGS.prompt, ...numbers } = values;
  return { settings: { corpus, prompt, numbers: { ...TEXTGEN_DEFAULTS, ...numbers } }, problems };
}

export function encodeSettings(s: TextgenSettings, into = new URLSearchParams()): URLSearchParams {
  into.set(`${TEXTGEN_PREFIX}.corpus`, s.corpus);
  into.set(`${TEXTGEN_PREFIX}.prompt`, s.prompt);
  return encodeNumbers(s.numbers, TEXTGEN_PREFIX, into);
}
