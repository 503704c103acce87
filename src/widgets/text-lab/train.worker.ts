/**
 * Trains the §5.2 model off the page's main thread, so the page stays responsive. Uses TF.js's
 * WebAssembly backend (with our UnsortedSegmentSum kernel, which Embedding's gradient needs, and
 * our transpose-first BatchMatMul, which keeps the backward pass on XNNPACK), falling back to CPU. Reports every batch and epoch; pauses, resumes and stops on request.
 *
 * Loaded by the book's one lab worker (shared/lab.worker.ts) when the page names this lab; it
 * exports `onMessage`, which the worker passes every later message.
 */
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { chooseTrainingBackend } from '../shared/train-backend';
import { generate } from '../../lib/textgen/generate';
import { fromArtifacts, toArtifacts } from '../../lib/textgen/io';
import { buildModel, compile, DEFAULT_SIZES, disposeModel } from '../../lib/textgen/model';
import { TrainControl } from '../../lib/textgen/control';
import type { FromWorker, StartTraining, ToWorker } from '../../lib/textgen/protocol';
import { CharStepper } from '../../lib/textgen/stepper';
import { train } from '../../lib/textgen/train';
import { encode, fromChars } from '../../lib/textgen/vocab';
import { LSTM_SPLIT, makeWindows } from '../../lib/textgen/windows';

const SEQ_LEN = LSTM_SPLIT.seqLen;
const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, { transfer });

const control = new TrainControl();

async function run(job: StartTraining): Promise<void> {
  const choice = await chooseTrainingBackend();
  post({ type: 'ready', backend: choice.name, threads: choice.threads, notice: choice.skipped.join(' ') });
  const vocab = fromChars(job.vocab);
  const { ids } = encode(vocab, job.text);
  // The checkpoint's own split (not one drawn with the run's seed): training on from the checkpoint is then
  // validated on characters it never trained on, and on the same ones 附录 A's Transformer is validated on,
  // every window of them, so the two models' curves side by side are comparable.
  const data = { ids, split: makeWindows(ids.length, LSTM_SPLIT.seqLen, LSTM_SPLIT.seed) };
  const model = job.artifacts ? await fromArtifacts(job.artifacts) : buildModel({ vocabSize: vocab.chars.length, ...DEFAULT_SIZES }, job.seed);
  if (job.artifacts) compile(model);
  let epochsDone = job.firstEpoch;
  let charsSeen = 0;
  const started = performance.now();
  const outcome = await train(
    model,
    data,
    { epochs: job.epochs, batchSize: job.batchSize, seed: job.seed, firstEpoch: job.firstEpoch },
    {
      onBatchEnd: async (batch, batches, loss) => {
        charsSeen += Math.min(job.batchSize, data.split.train.length - batch * job.batchSize) * SEQ_LEN;
        post({ type: 'batch', epoch: epochsDone, batch, batches, loss, charsPerSecond: charsSeen / ((performance.now() - started) / 1000) });
        await control.afterBatch(() => post({ type: 'paused' }));
      },
      onEpochEnd: async (epoch, { loss, valLoss }) => {
        epochsDone = epoch + 1;
        const stepper = CharStepper.fromModel(model);
        const { text } = await generate(stepper, vocab, { prompt: '', length: 48, temperature: 0.8, seed: job.seed + epoch });
        stepper.dispose();
        post({ type: 'epoch', epoch, loss, valLoss, sample: text });
      },
      shouldStop: control.shouldStop,
    },
  );
  const artifacts = await toArtifacts(model);
  disposeModel(model);
  post({ type: 'done', reason: outcome, artifacts, epochsDone }, [artifacts.weightData as ArrayBuffer]);
}

/** Every message the page sends after the lab worker's hello (shared/lab.worker.ts). */
export function onMessage(event: MessageEvent<ToWorker>): void {
  const m = event.data;
  if (m.type === 'start') {
    control.reset();
    if (m.model !== 'lstm') return post({ type: 'error', message: '这个训练线程只训练 LSTM' });
    run(m).catch((e) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
  } else if (m.type === 'pause') control.pause();
  else if (m.type === 'resume') control.resume();
  else if (m.type === 'stop') control.stop();
}
