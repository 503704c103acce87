/**
 * 附录 A's training in the page: its settings and their URL form (`#gtrain.corpus=mine&gtrain.batch=8&gtrain.cmp=1`),
 * the limits of every number (one list, used by the fields, the link decoder and the tests),
 * and the check of a reader's own text against the Transformer's fixed vocabulary.
 *
 * The Transformer keeps the LSTM's vocabulary whatever it is trained on (unlike the LSTM lab,
 * which builds one from a new corpus), so every model it trains can be compared with the
 * checkpoints and loaded by the generation widget. A text none of whose characters is in that
 * vocabulary therefore has nothing to teach it, and is refused with a sentence saying so.
 */
import { decodeFields, type FieldParsers } from '../nn/url-fields';
import { encodeNumbers, numberFields, type NumberRules } from '../nn/url-numbers';
import { flagField, SEED_RULE } from '../nn/validate';
import { charTableSize, labelledChoice, NOT_IN_VOCAB } from '../parse/fields';
import { checkText, readableCorpus, type CorpusCheck } from '../textgen/corpus';
import { droppedNotice } from '../textgen/unreadable';
import { CORPUS_NAMES, type CorpusName } from '../textgen/settings';
import { encode, type Vocab } from '../textgen/vocab';
import { LSTM_SPLIT, makeWindows } from '../textgen/windows';
import { transformerData, type TransformerData } from './data';
import type { LinkProblem } from '../url/link-problem';

export const GTRAIN_PREFIX = 'gtrain';
export { CORPUS_NAMES, type CorpusName };
export const GPT_CORPORA: Record<CorpusName, string> = { poetry: '唐诗', book: '本书', mine: '我的文本' };

/** Where training starts: the shipped checkpoint, the model this browser saved, or a seeded initialisation. */
export const FROM_NAMES = ['checkpoint', 'saved', 'scratch'] as const;
export type FromName = (typeof FROM_NAMES)[number];
/** What the reader sees for each starting point (the radio buttons, and the options a link's message offers). */
export const FROM_LABELS: Record<FromName, string> = {
  checkpoint: '从本书的 Transformer 检查点继续',
  saved: '从本浏览器保存的模型继续',
  scratch: '从头开始（随机初始化）',
};

export type GtrainKey = 'epochs' | 'batch' | 'seed';
export const GTRAIN_DEFAULTS: Record<GtrainKey, number> = { epochs: 1, batch: 16, seed: 1 };
/**
 * A batch of 32 windows of 64 characters takes seconds on WebAssembly, and Adam's moments
 * triple the weights' memory: at most 64 windows a batch and 20 epochs keep a run within what
 * a reader's browser can hold and wait for.
 */
export const GTRAIN_RULES: NumberRules<GtrainKey> = {
  epochs: { min: 1, max: 20, integer: true, name: '训练轮数' },
  batch: { min: 1, max: 64, integer: true, name: '批大小' },
  seed: SEED_RULE,
};

/** What the reader sees for the option of training the §5.2 LSTM beside the Transformer (`cmp`). */
export const COMPARE_LABEL = '同时训练 5.2 节的 LSTM 作对比';

export const GTRAIN_FIELDS: FieldParsers<Record<GtrainKey, number> & { corpus: CorpusName; from: FromName; cmp: boolean }> = {
  ...numberFields(GTRAIN_RULES),
  corpus: labelledChoice(GPT_CORPORA, '语料'),
  from: labelledChoice(FROM_LABELS, '起点'),
  cmp: flagField('同时训练 LSTM'),
};

export interface GtrainSettings {
  corpus: CorpusName;
  from: FromName;
  numbers: Record<GtrainKey, number>;
  /**
   * Whether 开始训练 also trains the §5.2 LSTM on the same text (from its checkpoint unless the
   * Transformer starts from scratch). Off by default: the two trainings share the reader's cores.
   */
  compare: boolean;
}

export const GTRAIN_DEFAULT_SETTINGS: GtrainSettings = { corpus: 'poetry', from: 'checkpoint', numbers: { ...GTRAIN_DEFAULTS }, compare: false };

/** The settings a hash asks for, over the defaults, and what was wrong with it. Never throws. */
export function decodeGtrain(params: URLSearchParams): { settings: GtrainSettings; problems: LinkProblem[] } {
  const { values, problems } = decodeFields(params, GTRAIN_PREFIX, GTRAIN_FIELDS);
  const { corpus = GTRAIN_DEFAULT_SETTINGS.corpus, from = GTRAIN_DEFAULT_SETTINGS.from, cmp = GTRAIN_DEFAULT_SETTINGS.compare, ...numbers } = values;
  return { settings: { corpus, from, numbers: { ...GTRAIN_DEFAULTS, ...numbers }, compare: cmp }, problems };
}

export function encodeGtrain(s: GtrainSettings, into = new URLSearchParams()): URLSearchParams {
  into.set(`${GTRAIN_PREFIX}.corpus`, s.corpus);
  into.set(`${GTRAIN_PREFIX}.from`, s.from);
  encodeNumbers(s.numbers, GTRAIN_PREFIX, into);
  into.set(`${GTRAIN_PREFIX}.cmp`, s.compare ? '1' : '0');
  return into;
}

export { LSTM_SPLIT };

/** The Transformer's data for a corpus: the LSTM's split, training windows of `trainLen` around it. */
export const gptData = (ids: Int32Array, trainLen: number): TransformerData =>
  transformerData(ids, makeWindows(ids.length, LSTM_SPLIT.seqLen, LSTM_SPLIT.seed), trainLen);

const percent = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

/**
 * A reader's own text for the Transformer: the LSTM lab's checks (empty, too short, over 2 MB),
 * then against `vocab`: refused when no character is in it or when it yields no training window
 * of `trainLen`; a notice names the share that will read as <unk>. Never throws.
 */
export function checkGptText(text: string, vocab: Vocab, trainLen: number): CorpusCheck {
  const basic = checkText(text);
  if (!basic.ok) return basic;
  const { ids, unknown } = encode(vocab, basic.text);
  const known = ids.reduce((n, id) => n + (id === 0 ? 0 : 1), 0);
  if (known === 0) {
    return {
      ok: false,
      message: `文本里没有一个字在模型的字符表中（${charTableSize(vocab.chars.length)}，与 5.2 节的 LSTM 相同），模型没有可学的东西。请换一段中文文本。`,
    };
  }
  if (gptData(ids, trainLen).train.length === 0) {
    return { ok: false, message: `文本切不出一个 ${trainLen + 1} 个字符的训练窗口（验证集先拿走了一段）。请再加长一些。` };
  }
  // The vocabulary is the checkpoint's, so of checkText's notices only the dropped characters' applies.
  const dropped = droppedNotice(readableCorpus(text).dropped, '文本', 'corpus');
  const notices = dropped ? [dropped] : [];
  if (unknown.length)
    notices.push(`文本里有 ${unknown.length} 种字符${NOT_IN_VOCAB}（占全部字符的 ${percent(1 - known / ids.length)}），训练时按 <unk> 处理。`);
  return { ok: true, text: basic.text, notices };
}
