/**
 * What the book's own checkpoints were trained on, so the calculator's D for them is the real
 * count, not an estimate. The figures are those of public/models/poetry/meta.json and
 * public/models/transformer/meta.json (written by scripts/train-poetry.ts and
 * scripts/train-transformer.ts); a unit test checks them against those files. The tokens per
 * epoch are computed with the training scripts' own window functions: every training window of
 * `len` characters gives `len` next-character targets, and held-out validation windows give none.
 */
import { LSTM_SPLIT, makeWindows } from '../textgen/windows';
import { TANG_GPT } from '../transformer/config';
import { windowsAround } from '../transformer/data';
import { formatCount } from './format';

/** The 唐诗 corpus both checkpoints read (public/corpora/poetry.txt), in characters. */
export const BOOK_CORPUS_CHARS = 138_561;
/** The LSTM checkpoint's run: windows of 40, split seed 1, 16 epochs. */
export const LSTM_RUN = { ...LSTM_SPLIT, epochs: 16 } as const;
/** 附录 A's Transformer: training windows of 64 around the LSTM's validation windows, 11 epochs. */
export const TANG_RUN = { trainLen: TANG_GPT.contextLength, epochs: 11 } as const;

export interface BookTokens {
  /** Training tokens (next-character targets) over the whole run. */
  tokens: number;
  /** Where D comes from, for the reader (zh-CN). */
  origin: string;
}

const split = () => makeWindows(BOOK_CORPUS_CHARS, LSTM_RUN.seqLen, LSTM_RUN.seed);

/** Characters in the held-out validation windows (both checkpoints hold out the same ones). */
export const heldOutChars = (): number => split().val.length * LSTM_RUN.seqLen;

function origin(perEpoch: number, epochs: number, file: string): string {
  const held = heldOutChars();
  const share = ((100 * held) / BOOK_CORPUS_CHARS).toFixed(1);
  return `本书训练时：语料 ${formatCount(BOOK_CORPUS_CHARS)} 字，留出 ${formatCount(held)} 字（${share}%）作验证，其余每轮 ${formatCount(perEpoch)} 个训练词元（字）× ${epochs} 轮 = ${formatCount(perEpoch * epochs)}（见 ${file}）。`;
}

/** The §5.2 LSTM checkpoint's training tokens: training windows × 40 × 16 epochs. */
export function lstmBookTokens(): BookTokens {
  const perEpoch = split().train.length * LSTM_RUN.seqLen;
  return { tokens: perEpoch * LSTM_RUN.epochs, origin: origin(perEpoch, LSTM_RUN.epochs, 'public/models/poetry/meta.json') };
}

/** 附录 A's Transformer checkpoint's training tokens: training windows × 64 × 11 epochs. */
export function tangBookTokens(): BookTokens {
  const perEpoch = windowsAround(BOOK_CORPUS_CHARS, TANG_RUN.trainLen, split()).length * TANG_RUN.trainLen;
  return { tokens: perEpoch * TANG_RUN.epochs, origin: origin(perEpoch, TANG_RUN.epochs, 'public/models/transformer/meta.json') };
}
