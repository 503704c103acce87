/**
 * Generated characters as the generation worker posts them (gen-protocol.ts, `chars`): packed in
 * three typed arrays per batch, which the worker transfers rather than copies, instead of an
 * object per character with an object per bar. Character i of a batch is `ids[i]`; its bars, the
 * distribution's top 10 plus the drawn character (sample.ts shownIndices), likeliest first, are
 * `barIds`/`barP` from i·MAX_BARS, ending at the first −1. The page turns ids back into characters
 * with the vocabulary it handed the worker, and makes a character's bars only when it shows them.
 */
import { shownIndices } from './sample';

/** Most bars a character carries: shownIndices' top 10 plus the drawn one. */
export const MAX_BARS = 11;

export interface Bar {
  char: string;
  p: number;
}

/** A generated character with the top of the distribution it was drawn from (widgets/text-lab/output.ts shows them). */
export interface GenChar {
  readonly char: string;
  readonly bars: Bar[];
}

export interface CharBatch {
  /** Each character's id in the vocabulary, in order. */
  ids: Int32Array;
  /** MAX_BARS vocabulary ids per character, −1 after its last bar. */
  barIds: Int32Array;
  /** The probability (after temperature and top-k) of each entry of barIds; 0 after the last bar. */
  barP: Float64Array;
}

/** Collects a batch in the worker, growing its arrays as needed; `take` hands it over and starts the next. */
export class CharBatchWriter {
  private ids = new Int32Array(64);
  private barIds = new Int32Array(64 * MAX_BARS);
  private barP = new Float64Array(64 * MAX_BARS);
  /** Characters in the batch under way. */
  length = 0;

  /** Adds character `id`, drawn from `dist`, with its bars (read from `dist` now: it may be reused after). */
  add(id: number, dist: ArrayLike<number>): void {
    if (this.length === this.ids.length) this.grow();
    const at = this.length++ * MAX_BARS;
    this.ids[this.length - 1] = id;
    const shown = shownIndices(dist, id);
    for (let k = 0; k < MAX_BARS; k++) {
      const j = shown[k];
      this.barIds[at + k] = j ?? -1;
      this.barP[at + k] = j === undefined ? 0 : dist[j];
    }
  }

  /** The batch written since the last take, in arrays of its own length (the caller may transfer them). */
  take(): CharBatch {
    const n = this.length;
    this.length = 0;
    return { ids: this.ids.slice(0, n), barIds: this.barIds.slice(0, n * MAX_BARS), barP: this.barP.slice(0, n * MAX_BARS) };
  }

  private grow(): void {
    const n = this.ids.length * 2;
    const [ids, barIds, barP] = [new Int32Array(n), new Int32Array(n * MAX_BARS), new Float64Array(n * MAX_BARS)];
    ids.set(this.ids);
    barIds.set(this.barIds);
    barP.set(this.barP);
    [this.ids, this.barIds, this.barP] = [ids, barIds, barP];
  }
}

/**
 * `x` as a CharBatch when it is one: the three typed arrays, own keys, lengths that agree, ids
 * ≥ 0, bar ids ≥ −1 and probabilities in [0, 1] (not NaN). Null otherwise; never throws. The
 * arrays are taken as they are, not copied (the worker transferred them).
 */
export function parseCharBatch(x: unknown): CharBatch | null {
  if (typeof x !== 'object' || x === null) return null;
  const own = (k: string): unknown => (Object.hasOwn(x, k) ? (x as Record<string, unknown>)[k] : undefined);
  const [ids, barIds, barP] = [own('ids'), own('barIds'), own('barP')];
  if (!(ids instanceof Int32Array && barIds instanceof Int32Array && barP instanceof Float64Array)) return null;
  if (barIds.length !== ids.length * MAX_BARS || barP.length !== barIds.length) return null;
  if (ids.some((id) => id < 0) || barIds.some((id) => id < -1) || !barP.every((p) => p >= 0 && p <= 1)) return null;
  return { ids, barIds, barP };
}

/** A character of a batch whose bars are made when asked for (only the shown character's ever are). */
class PackedChar implements GenChar {
  constructor(
    readonly char: string,
    private readonly batch: CharBatch,
    private readonly at: number,
    private readonly chars: readonly string[],
  ) {}

  get bars(): Bar[] {
    const bars: Bar[] = [];
    for (let k = this.at; k < this.at + MAX_BARS && this.batch.barIds[k] >= 0; k++) {
      const id = this.batch.barIds[k];
      bars.push({ char: id === 0 ? '\uFFFD' : this.chars[id], p: this.batch.barP[k] });
    }
    return bars;
  }
}

/**
 * The characters of `batch` in the vocabulary `chars` (chars[id], as the worker was handed it),
 * with <unk> (id 0) shown as U+FFFD; null when an id is outside the vocabulary.
 */
export function unpackChars(batch: CharBatch, chars: readonly string[]): GenChar[] | null {
  if (batch.ids.some((id) => id >= chars.length) || batch.barIds.some((id) => id >= chars.length)) return null;
  return Array.from(batch.ids, (id, i) => new PackedChar(id === 0 ? '\uFFFD' : chars[id], batch, i * MAX_BARS, chars));
}
