/**
 * 附录 A's training widget: what it reads from the two shipped checkpoints' meta.json, and the
 * chart's reference lines drawn from them. The JSON is untrusted: own keys only, finite numbers only.
 */
import type { CorpusName } from './train-settings';

/** What the widget reads from the two checkpoints' meta.json (both shipped with the site). */
export interface Metas {
  vocab: string[];
  contextLength: number;
  epochs: number;
  /** Validation losses on the 唐诗 validation characters, nats/char (float16 weights). */
  gptLoss: number | null;
  lstmLoss: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const field = (v: unknown, k: string): unknown => (typeof v === 'object' && v !== null && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined);

/**
 * The Transformer checkpoint's meta.json (`gpt`) and the §5.2 LSTM's (`lstm`, null when it could
 * not be fetched) as Metas. Throws an Error in words when the Transformer's vocab (strings) or
 * config.contextLength (a positive number) is missing; every other value missing reads as 0 or null.
 */
export function parseMetas(gpt: unknown, lstm: unknown): Metas {
  const vocab = field(gpt, 'vocab');
  const contextLength = num(field(field(gpt, 'config'), 'contextLength'));
  if (!Array.isArray(vocab) || !vocab.every((c) => typeof c === 'string') || !contextLength) throw new Error('Transformer 检查点的说明文件无效');
  return {
    vocab,
    contextLength,
    epochs: num(field(gpt, 'epochs')) ?? 0,
    gptLoss: num(field(field(gpt, 'validation'), 'lossFloat16')),
    lstmLoss: num(field(field(lstm, 'validation'), 'lossFloat16')),
  };
}

/**
 * Chart reference lines: the two checkpoints' validation losses (nats/char), measured on 唐诗's
 * validation characters, so drawn only beside a run on 唐诗 (`runCorpus`); empty otherwise.
 */
export function checkpointRefs(metas: Metas | null, runCorpus: CorpusName | null): { label: string; value: number }[] {
  if (runCorpus !== 'poetry' || !metas) return [];
  const out: { label: string; value: number }[] = [];
  if (metas.lstmLoss !== null) out.push({ label: '5.2 节 LSTM 检查点的验证损失', value: metas.lstmLoss });
  if (metas.gptLoss !== null) out.push({ label: 'Transformer 检查点的验证损失', value: metas.gptLoss });
  return out;
}
