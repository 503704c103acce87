/**
 * Runs the compression lab's evaluation off the page's main thread: loads the checkpoint, and for
 * every setting compresses, scores and writes (lib/compress/lab.ts), posting progress and each row
 * as it finishes. Computes as the page did: TF.js's WebAssembly backend on one thread, with no
 * kernels of ours (the same numbers as before it moved here), else CPU. One job at a time: a new
 * `start` or a `cancel` stops the job under way at its next step.
 *
 * Loaded by the book's one lab worker (shared/lab.worker.ts) when the page names this lab; it
 * exports `onMessage`, which the worker passes every later message.
 */
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { memory } from '@tensorflow/tfjs-core';
// Statically, so the backend is registered as soon as this handler loads.
import '../shared/wasm-backend';
import { chooseBackend, type BackendChoice } from '../../lib/nn/backend';
import { runLab } from '../../lib/compress/lab';
import { isModelName, type FromCompressWorker, type StartEvaluation, type ToCompressWorker } from '../../lib/compress/protocol';
import { CHUNK_WINDOWS, EVAL_WINDOWS, GENERATE_LENGTH } from '../../lib/compress/settings';
import { unknownChars } from '../../lib/compress/settings';
import { loadModel } from './compress-runtime';

const post = (m: FromCompressWorker) => self.postMessage(m);
/** Lets a waiting `cancel` or `start` message in between steps. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let backend: Promise<BackendChoice> | undefined;
/** The job that should be running; any other stops at its next step. */
let current = -1;
let queue: Promise<void> = Promise.resolve();

async function evaluate(job: StartEvaluation): Promise<void> {
  const cancelled = () => current !== job.job;
  if (cancelled()) return;
  backend ??= chooseBackend({ wasm: async () => {}, cpu: async () => {} }, ['wasm', 'cpu']);
  post({ type: 'ready', job: job.job, backend: (await backend).name });
  const data = await loadModel(job.model);
  const starts = data.val.slice(0, EVAL_WINDOWS);
  post({ type: 'loaded', job: job.job, characters: starts.length * data.len, unknown: unknownChars(job.prompt, data.vocab) });
  const rows = await runLab(
    { ...data, starts, prompt: job.prompt, sparsity: job.sparsity, generateLength: GENERATE_LENGTH, chunk: CHUNK_WINDOWS },
    {
      progress: async (done, total, scheme) => {
        post({ type: 'progress', job: job.job, done, total, scheme });
        await nextTask();
      },
      cancelled,
      row: (row) => post({ type: 'row', job: job.job, row }),
    },
  );
  post({ type: 'done', job: job.job, rows: rows.length, cancelled: cancelled(), tensors: memory().numTensors });
}

/** Every message the page sends after the lab worker's hello (shared/lab.worker.ts). */
export function onMessage(event: MessageEvent<ToCompressWorker>): void {
  const m = event.data;
  if (m.type === 'cancel') {
    if (m.job === current) current = -1;
    return;
  }
  if (m.type !== 'start' || !isModelName(m.model)) return;
  current = m.job;
  queue = queue.then(() => evaluate(m).catch((e) => post({ type: 'error', job: m.job, message: e instanceof Error ? e.message : String(e) })));
}
