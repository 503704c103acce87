/**
 * The generation worker's loop (gen.worker.ts): `generate` with each character's bars, posted in
 * batches — the first character at once, then whatever was written every BATCH_MS — so the page
 * gets about one message a frame instead of one per character. A batch is three typed arrays
 * (lib/textgen/char-batch.ts), not an object per character and bar. Between batches the loop lets
 * the worker take its messages, so a `stop` is seen after the batch under way.
 */
import { CharBatchWriter, type CharBatch } from '../../lib/textgen/char-batch';
import { generate, type GenerateOptions, type Generated, type NextCharModel } from '../../lib/textgen/generate';
import type { Vocab } from '../../lib/textgen/vocab';

/** ms between two batches: about one animation frame (60 Hz), so the page hands each batch over at its next frame. */
export const BATCH_MS = 16;

/** How the loop posts and waits; replaced in tests. */
export interface BatchPort {
  /** Posts `batch`, whose arrays are the caller's from then on (the worker transfers them). */
  post(batch: CharBatch): void;
  /** Resolves in a new task, after the messages waiting for the worker (a `stop`). */
  nextTask(): Promise<void>;
  now(): number;
}

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
  const batch = new CharBatchWriter();
  let sent = -Infinity;
  const send = () => {
    if (batch.length) port.post(batch.take());
    sent = port.now();
  };
  try {
    return await generate(model, vocab, {
      ...opts,
      onChar: async (_, id, dist) => {
        batch.add(id, dist);
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
