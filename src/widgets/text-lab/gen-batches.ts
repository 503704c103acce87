/**
 * The generation worker's loop (gen.worker.ts): `generate` with each character's bars, posted in
 * batches — the first character at once, then whatever was written every BATCH_MS — so the page
 * gets about one message a frame instead of one per character. Between batches the loop lets the
 * worker take its messages, so a `stop` is seen after the batch under way.
 */
import { generate, type GenerateOptions, type Generated, type NextCharModel } from '../../lib/textgen/generate';
import type { GenChar } from '../../lib/textgen/gen-protocol';
import { shownIndices } from '../../lib/textgen/sample';
import type { Vocab } from '../../lib/textgen/vocab';

/** ms between two batches: about one animation frame (60 Hz), so the page hands each batch over at its next frame. */
export const BATCH_MS = 16;

/** How the loop posts and waits; replaced in tests. */
export interface BatchPort {
  post(chars: GenChar[]): void;
  /** Resolves in a new task, after the messages waiting for the worker (a `stop`). */
  nextTask(): Promise<void>;
  now(): number;
}

/** The bars of a character drawn from `dist` (after temperature and top-k): shownIndices' candidates, <unk> shown as U+FFFD. */
export const barsOf = (dist: ArrayLike<number>, id: number, vocab: Vocab) =>
  shownIndices(dist, id).map((i) => ({ char: i === 0 ? '\uFFFD' : vocab.chars[i], p: dist[i] }));

/**
 * Runs `generate` and posts every character, with its bars, in batches of BATCH_MS; stops early
 * once `stopped()` is true (checked after every character). Characters written before a throw are
 * posted before it is rethrown.
 */
export async function generateInBatches(
  model: NextCharModel,
  vocab: Vocab,
  opts: Omit<GenerateOptions, 'onChar'>,
  port: BatchPort,
  stopped: () => boolean,
): Promise<Generated> {
  let batch: GenChar[] = [];
  let sent = -Infinity;
  const send = () => {
    if (batch.length) port.post(batch);
    batch = [];
    sent = port.now();
  };
  try {
    return await generate(model, vocab, {
      ...opts,
      onChar: async (char, id, dist) => {
        batch.push({ char, bars: barsOf(dist, id, vocab) });
        if (port.now() - sent >= BATCH_MS) {
          send();
          await port.nextTask();
        }
        return !stopped();
      },
    });
  } finally {
    send();
  }
}
