/**
 * The compression lab's settings and their URL form (`#zip.model=lstm&zip.sp=50&zip.prompt=…`):
 * which checkpoint, the pruning sparsity in percent, and the prompt both models continue.
 * `COMPRESS_FIELDS` is the one list of what each accepts; the lab's fields and the link
 * decoder both parse with it, so a bad value in either gets the same clear message.
 */
import { parsePrompt } from '../textgen/settings';
import { unreadable, unreadableWarning } from '../textgen/unreadable';
import { codePoints, type Vocab } from '../textgen/vocab';
import { decodeFields, type FieldParsers } from '../nn/url-fields';
import { numberField, type FieldParser, type NamedRule } from '../nn/validate';
import { labelledChoice } from '../parse/fields';
import type { LinkProblem } from '../url/link-problem';

export const COMPRESS_PREFIX = 'zip';

export const MODEL_NAMES = ['lstm', 'gpt'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export const MODEL_LABELS: Record<ModelName, string> = { lstm: 'LSTM（5.2 节）', gpt: 'Transformer（附录 A）' };

/** Pruning sparsity in percent of each weight matrix. 100 % would leave only the biases. */
export const SPARSITY_RULE: NamedRule = { min: 0, max: 99, name: '剪枝稀疏度（%）' };

/** Characters each setting writes after the prompt, at temperature 0. */
export const GENERATE_LENGTH = 24;
/** Held-out windows scored per setting: the first this many of the validation split, the same for every setting. */
export const EVAL_WINDOWS = 32;
/** Windows per chunk of evaluation; the page gets a turn between chunks. */
export const CHUNK_WINDOWS = 4;

export interface CompressSettings {
  model: ModelName;
  /** Percent, in SPARSITY_RULE. */
  sp: number;
  prompt: string;
}

export const COMPRESS_DEFAULTS: CompressSettings = { model: 'lstm', sp: 50, prompt: '春眠不觉晓' };

/**
 * The prompt every setting continues: at most MAX_PROMPT characters (textgen/settings.ts), and
 * not empty nor only whitespace (spaces, full-width spaces, line breaks: String.prototype.trim's
 * set), since such a prompt gives the side-by-side texts nothing in common to start from. The one
 * rule for the field and the link (COMPRESS_FIELDS.prompt).
 */
const parseLabPrompt: FieldParser<string> = (text) =>
  text.trim() === '' ? { ok: false, message: `开头文字${text === '' ? '为空' : '只有空白'}：请输入至少一个字。` } : parsePrompt(text);

export const COMPRESS_FIELDS: FieldParsers<CompressSettings> = {
  model: labelledChoice(MODEL_LABELS, '模型'),
  sp: numberField(SPARSITY_RULE),
  prompt: parseLabPrompt,
};

/** The settings a hash asks for, over the defaults, and what was wrong with it. Never throws. */
export function decodeCompress(params: URLSearchParams): { settings: CompressSettings; problems: LinkProblem[] } {
  const { values, problems } = decodeFields(params, COMPRESS_PREFIX, COMPRESS_FIELDS);
  return { settings: { ...COMPRESS_DEFAULTS, ...values }, problems };
}

/** The hash parameters for `s`, under the lab's prefix. */
export function encodeCompress(s: CompressSettings): URLSearchParams {
  return new URLSearchParams([
    [`${COMPRESS_PREFIX}.model`, s.model],
    [`${COMPRESS_PREFIX}.sp`, String(s.sp)],
    [`${COMPRESS_PREFIX}.prompt`, s.prompt],
  ]);
}

/**
 * The notice a prompt earns before it is used: a broken character (U+FFFD, a damaged link) or an
 * invisible one (NUL, a zero-width mark), by the shared rule of textgen/unreadable.ts, as the
 * other text widgets warn. The prompt is still used: both models read such a character as <unk>.
 * Null when there is nothing to say. Never throws.
 */
export function promptWarning(prompt: string): string | null {
  const warning = unreadableWarning(prompt, '开头文字');
  return warning && `${warning}两个模型都把它当作 <unk>（未知字符）来读。`;
}

/**
 * The prompt's distinct characters that `vocab` reads as <unk> (id 0), in order of first
 * appearance; unreadable ones (NUL, U+FFFD…) are left to promptWarning, which names them already.
 */
export function unknownChars(prompt: string, vocab: Pick<Vocab, 'index'>): string[] {
  return [...new Set(codePoints(prompt).filter((c) => !unreadable(c) && !((vocab.index.get(c) ?? 0) > 0)))];
}
