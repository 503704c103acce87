/**
 * Trains 附录 A's Transformer off the page's main thread (lib/transformer/job.ts does the work).
 * WebAssembly first, with our UnsortedSegmentSum kernel (the token embedding's gradient needs
 * it), falling back to CPU. No layers API: the Transformer is tfjs-core only.
 *
 * Loaded by the book's one lab worker (shared/lab.worker.ts) when the page names this lab; it
 * exports `onMessage`, which the worker passes every later message.
 */
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { chooseTrainingBackend } from '../shared/train-backend';
import { TrainControl } from '../../lib/textgen/control';
import type { FromWorker, ToWorker } from '../../lib/textgen/protocol';
import { runGptJob } from '../../lib/transformer/job';

const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, { transfer });
const control = new TrainControl();

/** Every message the page sends after the lab worker's hello (shared/lab.worker.ts). */
export function onMessage(event: MessageEvent<ToWorker>): void {
  const m = event.data;
  if (m.type === 'start') {
    control.reset();
    chooseTrainingBackend()
      .then((choice) => {
        post({ type: 'ready', backend: choice.name, threads: choice.threads, notice: choice.skipped.join(' ') });
        return runGptJob(m, post, control);
      })
      .catch((e) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
  } else if (m.type === 'pause') control.pause();
  else if (m.type === 'resume') control.resume();
  else if (m.type === 'stop') control.stop();
}
