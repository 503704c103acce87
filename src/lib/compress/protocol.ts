/**
 * Messages between the compression lab's page (widgets/compress-lab) and its evaluation worker
 * (compress.worker.ts). The page sends a job (`start`) or `cancel`; the worker answers with its
 * backend, the characters each setting is scored on, progress after every step, each setting's
 * row as it finishes, and `done` with the tensors it still holds. Every message names its job, so
 * the page drops what an old (cancelled) job still sends. What arrives from the worker is
 * untrusted: `parseFromWorker` is the one check, and it never throws.
 */
import { BACKEND_ORDER, type BackendName } from '../nn/backend-names';
import type { LabRow } from './lab';
import { SCHEMES, type Scheme } from './schemes';
import { MAX_PROMPT } from '../textgen/settings';
import { MODEL_NAMES, type ModelName } from './settings';

export interface StartEvaluation {
  type: 'start';
  /** Increasing per page; replies carry it back. */
  job: number;
  model: ModelName;
  /** Pruning sparsity in [0, 1]. */
  sparsity: number;
  prompt: string;
}

export type ToCompressWorker = StartEvaluation | { type: 'cancel'; job: number };

export type FromCompressWorker =
  | { type: 'ready'; job: number; backend: BackendName }
  /**
   * The checkpoint and corpus are in; each setting is scored on `characters` held-out characters,
   * and `unknown` lists the prompt's distinct characters outside the vocabulary (read as <unk>).
   */
  | { type: 'loaded'; job: number; characters: number; unknown: string[] }
  | { type: 'progress'; job: number; done: number; total: number; scheme: Scheme }
  | { type: 'row'; job: number; row: LabRow }
  /** The job ended: all rows sent, or `cancelled` first. `tensors`: tf.memory().numTensors in the worker afterwards. */
  | { type: 'done'; job: number; rows: number; cancelled: boolean; tensors: number }
  | { type: 'error'; job: number; message: string };

type Rec = Record<string, unknown>;
const isRecord = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (r: Rec, key: string): unknown => (Object.hasOwn(r, key) ? r[key] : undefined);
const count = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isScheme = (x: unknown): x is Scheme => typeof x === 'string' && (SCHEMES as readonly string[]).includes(x);

/** A short list of single characters (code points), as `loaded` names the prompt's unknown ones. */
const isCharList = (x: unknown): x is string[] => Array.isArray(x) && x.length <= MAX_PROMPT && x.every((c) => typeof c === 'string' && [...c].length === 1);

/** A row as the table may show it: a known scheme, whole bytes, a finite perplexity ≥ 1, agreement in [0, 1]. */
function parseRow(x: unknown): LabRow | null {
  if (!isRecord(x)) return null;
  const [scheme, bytes, perplexity, agreement, text] = ['scheme', 'bytes', 'perplexity', 'agreement', 'text'].map((k) => own(x, k));
  if (!isScheme(scheme) || !count(bytes) || typeof text !== 'string') return null;
  if (typeof perplexity !== 'number' || !Number.isFinite(perplexity) || perplexity < 1) return null;
  if (typeof agreement !== 'number' || !(agreement >= 0 && agreement <= 1)) return null;
  return { scheme, bytes, perplexity, agreement, text };
}

/**
 * The message `data` is, checked field by field (own keys only), or null when it is not one the
 * protocol knows or a field is out of range (NaN, negative counts, an unknown scheme). Never throws.
 */
export function parseFromWorker(data: unknown): FromCompressWorker | null {
  if (!isRecord(data)) return null;
  const type = own(data, 'type');
  const job = own(data, 'job');
  if (!count(job)) return null;
  const s = (k: string) => own(data, k);
  switch (type) {
    case 'ready':
      return BACKEND_ORDER.some((b) => b === s('backend')) ? { type, job, backend: s('backend') as BackendName } : null;
    case 'loaded': {
      const [characters, unknown] = [s('characters'), s('unknown')];
      return count(characters) && isCharList(unknown) ? { type, job, characters, unknown: [...unknown] } : null;
    }
    case 'progress': {
      const [done, total, scheme] = [s('done'), s('total'), s('scheme')];
      return count(done) && count(total) && done <= total && isScheme(scheme) ? { type, job, done, total, scheme } : null;
    }
    case 'row': {
      const row = parseRow(s('row'));
      return row ? { type, job, row } : null;
    }
    case 'done': {
      const [rows, cancelled, tensors] = [s('rows'), s('cancelled'), s('tensors')];
      return count(rows) && typeof cancelled === 'boolean' && count(tensors) ? { type, job, rows, cancelled, tensors } : null;
    }
    case 'error':
      return typeof s('message') === 'string' ? { type, job, message: s('message') as string } : null;
    default:
      return null;
  }
}

/** True when `x` names one of the shipped checkpoints (for the worker's own check of a job). */
export const isModelName = (x: unknown): x is ModelName => typeof x === 'string' && (MODEL_NAMES as readonly string[]).includes(x);
