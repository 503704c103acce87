/**
 * Runs the §10.4 analysis off the page's main thread: loads the checkpoints (or the reader's
 * models, from this browser's IndexedDB, which a worker reads as the page does) and takes
 * analyse.ts's steps, posting each as it finishes and then the whole analysis. The LSTM's
 * saliency (one gradient through the whole text) no longer blocks the page. Computes as the page
 * did: TF.js's WebAssembly backend on one thread with no kernels of ours, else CPU.
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
import { analyseSteps } from '../../lib/interpret/analyse';
import type { FromInterpretWorker, StartAnalysis } from '../../lib/interpret/protocol';
import { checkpointGpt, checkpointLstm, disposeModel, readerModels } from './interpret-runtime';

const post = (m: FromInterpretWorker) => self.postMessage(m);

let backend: Promise<BackendChoice> | undefined;
let queue: Promise<void> = Promise.resolve();

async function analyse(job: StartAnalysis): Promise<void> {
  backend ??= chooseBackend({ wasm: async () => {}, cpu: async () => {} }, ['wasm', 'cpu']);
  await backend;
  const notices: string[] = [];
  const [lstmSaved, gptSaved] = job.src === 'mine' ? await readerModels(notices, job.storage) : [null, null];
  let done: Omit<Extract<FromInterpretWorker, { type: 'done' }>, 'tensors'>;
  try {
    const lstm = lstmSaved ?? (await checkpointLstm());
    const gpt = gptSaved ?? (await checkpointGpt());
    const steps = analyseSteps(lstm, gpt, job.text);
    let s = steps.next();
    for (; !s.done; s = steps.next()) post({ type: 'step', job: job.job, step: s.value });
    done = { type: 'done', job: job.job, ...s.value, lstmLabel: lstm.label, gptLabel: gpt.label, notices };
  } finally {
    if (lstmSaved) disposeModel(lstmSaved);
    if (gptSaved) disposeModel(gptSaved);
  }
  post({ ...done, tensors: memory().numTensors });
}

/** Every message the page sends after the lab worker's hello (shared/lab.worker.ts). */
export function onMessage(event: MessageEvent<StartAnalysis>): void {
  const m = event.data;
  if (m.type !== 'start') return;
  queue = queue.then(() => analyse(m).catch((e) => post({ type: 'error', job: m.job, message: e instanceof Error ? e.message : String(e) })));
}
