/**
 * Training windows over an id sequence: input ids[s … s+len) and target ids[s+1 … s+len], so
 * every position is a next-character example (the model returns sequences). The text is cut
 * into blocks; a seeded draw holds some blocks out for validation, so no validation window
 * overlaps a training one.
 */
import { mulberry32, shuffledIndices } from '../nn/prng';

/**
 * The split of the book's LSTM checkpoint (public/models/poetry/meta.json: windows of 40, seed 1),
 * used by scripts/train-poetry.ts to make it. Every corpus is split this way for both models, so on
 * 唐诗 validation losses are measured on the checkpoints' own validation characters.
 */
export const LSTM_SPLIT = { seqLen: 40, seed: 1 } as const;

export interface WindowSplit {
  /** Start offsets of training and validation windows. */
  train: number[];
  val: number[];
  len: number;
}

export function makeWindows(length: number, len: number, seed: number, valFraction = 0.05, blockWindows = 8): WindowSplit {
  const rand = mulberry32(seed);
  const train: number[] = [];
  const val: number[] = [];
  // A window reads len + 1 characters (its targets run one further), so a block holds exactly
  // blockWindows of them and no window reaches into the next block.
  const block = len * blockWindows + 1;
  for (let b = 0; b + len + 1 <= length; b += block) {
    const target = rand() < valFraction ? val : train;
    for (let s = b; s + len + 1 <= Math.min(b + block, length); s += len) target.push(s);
  }
  // A tiny text may draw no validation block at all: then hold out its last window.
  if (!val.length && train.length > 1) val.push(train.pop()!);
  return { train, val, len };
}

/** A seeded permutation: the same seed and epoch give the same batches. */
export const shuffled = <T>(items: readonly T[], seed: number): T[] => shuffledIndices(items.length, mulberry32(seed)).map((i) => items[i]);

/** Flat int32 inputs and targets for the given window starts, shape [starts.length, len]. */
export function gatherBatch(ids: Int32Array, starts: readonly number[], len: number): { x: Int32Array; y: Int32Array } {
  const x = new Int32Array(starts.length * len);
  const y = new Int32Array(starts.length * len);
  starts.forEach((s, r) => {
    x.set(ids.subarray(s, s + len), r * len);
    y.set(ids.subarray(s + 1, s + len + 1), r * len);
  });
  return { x, y };
}
