/**
 * Messages between a text lab's page and its generation worker (widgets/text-lab/gen.worker.ts),
 * one worker per text written at once. The page may have the worker start its backend early
 * (`warm`), hands it a model (`model`: tf.io artifacts and the vocabulary) and then jobs
 * (`generate`, `stop`); the worker answers with the
 * backend it computes on, the characters it wrote in batches (each with the bars of its
 * distribution, packed: char-batch.ts), and `done` with the whole text and the tensors it still holds. Every reply names
 * its job, so the page drops what a stopped job still sends. What arrives from the worker is
 * untrusted: `parseFromGen` is the one check, and it never throws.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { BACKEND_ORDER, type BackendName } from '../nn/backend-names';
import { parseCharBatch, type CharBatch } from './char-batch';
import { MAX_PROMPT } from './settings';

export { MAX_BARS, type Bar, type GenChar } from './char-batch';

/** Which stepper the worker builds from the artifacts: the §5.2 LSTM's or 附录 A's Transformer's. */
export type GenModel = 'lstm' | 'transformer';

export interface LoadModel {
  type: 'model';
  model: GenModel;
  artifacts: tf.io.ModelArtifacts;
  /** chars[id], as the weights were trained with. */
  vocab: string[];
}

export interface StartGeneration {
  type: 'generate';
  /** Increasing per writer; replies carry it back. */
  job: number;
  /** The backend the page's badge names; the worker falls back (and says so in `ready`) when it cannot start it. */
  backend: BackendName;
  prompt: string;
  length: number;
  temperature: number;
  topK?: number;
  seed: number;
}

/** Start `backend` now, while the page still loads the model: the job that follows finds it ready. */
export interface WarmUp {
  type: 'warm';
  backend: BackendName;
}

export type ToGenWorker = WarmUp | LoadModel | StartGeneration | { type: 'stop'; job: number };

export type FromGenWorker =
  | { type: 'ready'; job: number; backend: BackendName }
  /** Characters written since the last batch, in order. */
  | { type: 'chars'; job: number; batch: CharBatch }
  /** The job ended (all written, or stopped). `tensors`: tf.memory().numTensors in the worker afterwards. */
  | { type: 'done'; job: number; text: string; unknown: string[]; tensors: number }
  | { type: 'error'; job: number; message: string };

type Rec = Record<string, unknown>;
const isRecord = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (r: Rec, key: string): unknown => (Object.hasOwn(r, key) ? r[key] : undefined);
const count = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
/** One code point: what a vocabulary entry decodes to (<unk> is sent as U+FFFD). */
const isChar = (x: unknown): x is string => typeof x === 'string' && x.length <= 2 && [...x].length === 1;

/**
 * The message `data` is, checked field by field (own keys only, copied out), or null when it is
 * not one the protocol knows or a field is out of range (NaN or > 1 probabilities, negative counts,
 * an unknown backend, more than one character where one belongs, a batch's arrays of the wrong
 * type or length: char-batch.ts parseCharBatch). Never throws.
 */
export function parseFromGen(data: unknown): FromGenWorker | null {
  if (!isRecord(data)) return null;
  const type = own(data, 'type');
  const job = own(data, 'job');
  if (!count(job)) return null;
  const s = (k: string) => own(data, k);
  switch (type) {
    case 'ready': {
      const backend = BACKEND_ORDER.find((b) => b === s('backend'));
      return backend ? { type, job, backend } : null;
    }
    case 'chars': {
      const batch = parseCharBatch(s('batch'));
      return batch ? { type, job, batch } : null;
    }
    case 'done': {
      const [text, unknown, tensors] = [s('text'), s('unknown'), s('tensors')];
      if (typeof text !== 'string' || !count(tensors) || !Array.isArray(unknown)) return null;
      if (unknown.length > MAX_PROMPT || !unknown.every(isChar)) return null;
      return { type, job, text, unknown: [...unknown], tensors };
    }
    case 'error': {
      const message = s('message');
      return typeof message === 'string' ? { type, job, message } : null;
    }
    default:
      return null;
  }
}
