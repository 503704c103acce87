/**
 * Writes text off the page's main thread, for §5.2's text lab and each side of 附录 A's
 * generation lab (one worker per text written at once): the page hands over a model's weights
 * (`model`), then jobs; the worker generates with lib/textgen/generate.ts and the same sampling
 * as the page did (same seed, same text) and posts the characters in batches (gen-batches.ts).
 * It computes on the backend the page's badge names (WebAssembly on one thread, as the page did:
 * shared/wasm-backend.ts), falling back to WebAssembly, then CPU, and says which in `ready`.
 *
 * Loaded by the book's one lab worker (shared/lab.worker.ts) when the page names this lab; it
 * exports `onMessage`, which the worker passes every later message.
 */
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { chooseBackend } from '../../lib/nn/backend';
import type { BackendName } from '../../lib/nn/backend-names';
import type { FromGenWorker, LoadModel, StartGeneration, ToGenWorker } from '../../lib/textgen/gen-protocol';
import type { NextCharModel } from '../../lib/textgen/generate';
import { CharStepper } from '../../lib/textgen/stepper';
import { fromChars, type Vocab } from '../../lib/textgen/vocab';
import { fromArtifacts } from '../../lib/transformer/checkpoint';
import { TransformerStepper } from '../../lib/transformer/stepper';
import { yieldToPage } from '../../lib/schedule/task-queue';
import { generateInBatches } from './gen-batches';

/** Posts `m`; a batch's arrays are transferred, not copied. */
const post = (m: FromGenWorker) =>
  self.postMessage(m, { transfer: m.type === 'chars' ? [m.batch.ids.buffer, m.batch.barIds.buffer, m.batch.barP.buffer] : [] });

const LOADERS: Record<BackendName, () => Promise<unknown>> = {
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: () => import('../shared/wasm-backend'),
  cpu: async () => {},
};

/** The model the page handed over, and its stepper once built (on `backend`). */
let model: { message: LoadModel; vocab: Vocab; stepper?: { on: BackendName; step: NextCharModel & { dispose(): void }; context?: number } } | null = null;
/** The job that should be running; any other stops at its next character. */
let current = -1;
let queue: Promise<void> = Promise.resolve();

/** Starts `wanted`, else WebAssembly, else CPU (once per change; tf.setBackend keeps a started one). */
async function useBackend(wanted: BackendName): Promise<BackendName> {
  if (tf.getBackend() === wanted) return wanted;
  const { name } = await chooseBackend(LOADERS, [wanted, ...(['wasm', 'cpu'] as const).filter((n) => n !== wanted)]);
  return name;
}

/** The stepper for the model on `backend`, built from the artifacts on first use there. Throws in words. */
function stepperOn(backend: BackendName) {
  if (!model) throw new Error('计算线程还没有收到模型');
  if (model.stepper?.on === backend) return model.stepper;
  model.stepper?.step.dispose();
  model.stepper = undefined;
  const { model: kind, artifacts } = model.message;
  if (kind === 'transformer') {
    const { config, weights } = fromArtifacts(artifacts);
    // The page checked the vocabulary against the config (gpt-lab/gpt-runtime.ts).
    model.stepper = { on: backend, step: new TransformerStepper(config, weights), context: config.contextLength };
  } else {
    if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('缺少权重');
    const step = new CharStepper(tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs));
    if (step.vocabSize !== model.vocab.chars.length) {
      step.dispose();
      throw new Error('权重与字符表大小不一致');
    }
    model.stepper = { on: backend, step };
  }
  return model.stepper;
}

async function run(job: StartGeneration): Promise<void> {
  const stopped = () => current !== job.job;
  if (stopped()) return;
  const backend = await useBackend(job.backend);
  post({ type: 'ready', job: job.job, backend });
  const { step, context } = stepperOn(backend);
  const vocab = model!.vocab;
  const { prompt, length, temperature, topK, seed } = job;
  const { text, unknown } = await generateInBatches(
    step,
    vocab,
    { prompt, length, temperature, topK, seed, context },
    { post: (batch) => post({ type: 'chars', job: job.job, batch }), nextTask: yieldToPage, now: () => performance.now() },
    stopped,
  );
  post({ type: 'done', job: job.job, text, unknown, tensors: tf.memory().numTensors });
}

/** Every message the page sends after the lab worker's hello (shared/lab.worker.ts). */
export function onMessage(event: MessageEvent<ToGenWorker>): void {
  const m = event.data;
  if (m.type === 'stop') {
    if (m.job === current) current = -1;
  } else if (m.type === 'warm') {
    // A backend that fails here is tried again, and reported, by the job that needs it.
    queue = queue.then(() =>
      useBackend(m.backend).then(
        () => {},
        () => {},
      ),
    );
  } else if (m.type === 'model') {
    // After the job under way, which keeps the stepper it started with.
    queue = queue.then(() => {
      model?.stepper?.step.dispose();
      model = { message: m, vocab: fromChars(m.vocab) };
    });
  } else if (m.type === 'generate') {
    current = m.job;
    queue = queue.then(() => run(m).catch((e) => post({ type: 'error', job: m.job, message: e instanceof Error ? e.message : String(e) })));
  }
}
