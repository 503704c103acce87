/**
 * The text lab's settings and their URL form (`#tg.corpus=poetry&tg.prompt=…&tg.t=0.8`), so
 * an instructor's link gives every student the same corpus, prompt, temperature and seed —
 * and, at a fixed seed, the same poem.
 */
import { decodeNumbers, encodeNumbers, type NumberRules } from '../nn/url-numbers';
import { codePoints } from './vocab';

export type CorpusName = 'poetry' | 'book' | 'mine';
export const CORPORA: Record<CorpusName, string> = { poetry: '唐诗（预训练检查点）', book: '本书', mine: '我的文本' };
export const TEXTGEN_PREFIX = 'tg';
export const MAX_PROMPT = 100;

export type TextgenKey = 't' | 'len' | 'seed' | 'topk' | 'epochs' | 'batch';
export const TEXTGEN_DEFAULTS: Record<TextgenKey, number> = { t: 0.8, len: 120, seed: 1, topk: 0, epochs: 1, batch: 64 };
export const TEXTGEN_RULES: NumberRules<TextgenKey> = {
  t: { min: 0, max: 2, name: '温度' },
  len: { min: 1, max: 2000, integer: true, name: '长度' },
  seed: { min: 0, max: 2 ** 32 - 1, integer: true, name: '随机种子' },
  topk: { min: 0, max: 3000, integer: true, name: 'top-k（0 为不限）' },
  epochs: { min: 1, max: 50, integer: true, name: '训练轮数' },
  batch: { min: 1, max: 512, integer: true, name: '批大小' },
};

export interface TextgenSettings {
  corpus: CorpusName;
  prompt: string;
  numbers: Record<TextgenKey, number>;
}

export const DEFAULT_SETTINGS: TextgenSettings = { corpus: 'poetry', prompt: '春眠不觉晓', numbers: { ...TEXTGEN_DEFAULTS } };

export function decodeSettings(params: URLSearchParams): { settings: TextgenSettings; problems: string[] } {
  const { values, problems } = decodeNumbers(params, TEXTGEN_PREFIX, TEXTGEN_RULES, TEXTGEN_DEFAULTS);
  const settings: TextgenSettings = { ...DEFAULT_SETTINGS, numbers: values };
  const corpus = params.get(`${TEXTGEN_PREFIX}.corpus`);
  if (corpus !== null) {
    if (corpus in CORPORA) settings.corpus = corpus as CorpusName;
    else problems.push(`未知的语料“${corpus.slice(0, 20)}”。`);
  }
  const prompt = params.get(`${TEXTGEN_PREFIX}.prompt`);
  if (prompt !== null) {
    const chars = codePoints(prompt);
    if (chars.length > MAX_PROMPT) problems.push(`开头文字超过 ${MAX_PROMPT} 个字符，已截断。`);
    settings.prompt = chars.slice(0, MAX_PROMPT).join('');
  }
  return { settings, problems };
}

export function encodeSettings(s: TextgenSettings, into = new URLSearchParams()): URLSearchParams {
  into.set(`${TEXTGEN_PREFIX}.corpus`, s.corpus);
  into.set(`${TEXTGEN_PREFIX}.prompt`, s.prompt);
  return encodeNumbers(s.numbers, TEXTGEN_PREFIX, into);
}
