/**
 * Browser side of `npm run bench:transformer`, bundled by esbuild and injected into a page of the
 * built site. The §5.2 LSTM and 附录 A's Transformer, each with its shipped recipe (LSTM: batch
 * 64 × 40, Adam 5e-3; Transformer: batch 32 × 64, Adam 2e-3, gradient clipping), on the LSTM's
 * vocabulary and split, on one backend: training speed, generation speed of the model alone,
 * and time to quality from the same initial seed within the same wall-clock budget.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { buildModel, DEFAULT_SIZES, disposeModel } from '../../src/lib/textgen/model';
import { CharStepper } from '../../src/lib/textgen/stepper';
import { validationLoss as lstmValidationLoss } from '../../src/lib/textgen/train';
import { encode, fromChars } from '../../src/lib/textgen/vocab';
import { registerWasmKernels } from '../../src/lib/textgen/wasm-kernels';
import { gatherBatch, makeWindows, shuffled, type WindowSplit } from '../../src/lib/textgen/windows';
import { TANG_GPT, type TransformerConfig } from '../../src/lib/transformer/config';
import { transformerData, type TransformerData } from '../../src/lib/transformer/data';
import { TransformerStepper } from '../../src/lib/transformer/stepper';
import { batchLoss, batchTensors, CLIP_NORM, clipByGlobalNorm, LEARNING_RATE, validationLoss as gptValidationLoss } from '../../src/lib/transformer/train';
import { disposeWeights, initWeights, type Variables } from '../../src/lib/transformer/weights';

export type ModelName = 'lstm' | 'transformer';
const LSTM_BATCH = 64;
const GPT_BATCH = 32;
/** Held-out windows each time-to-quality evaluation reads: the first of the LSTM's validation windows, the same for both. */
const EVAL_WINDOWS = 64;

let ids: Int32Array = new Int32Array(0);
let split: WindowSplit = { train: [], val: [], len: 40 };
let gptData: TransformerData;
let config: TransformerConfig;
let V = 0;

/** Sets the backend and encodes the corpus with the shipped vocabulary and split; resolves the backend TF.js uses. */
export async function setup(backend: string, wasmPaths: Record<string, string>, corpus: string, meta: { vocab: string[]; seqLen: number; seed: number }) {
  setWasmPaths(wasmPaths);
  if (!(await tf.setBackend(backend))) throw new Error(`${backend} unavailable`);
  await tf.ready();
  registerWasmKernels();
  ids = encode(fromChars(meta.vocab), corpus).ids;
  V = meta.vocab.length;
  split = makeWindows(ids.length, meta.seqLen, meta.seed);
  config = { ...TANG_GPT, vocabSize: V };
  gptData = transformerData(ids, split, config.contextLength);
  return tf.getBackend();
}

/** One model with its shipped recipe: a training step on the i-th batch, its validation loss, a stepper, and cleanup. */
interface Trainee {
  tokensPerBatch: number;
  batchShape: string;
  step: (i: number) => Promise<void>;
  valLoss: () => number;
  stepper: () => { step: (id: number) => Float32Array; dispose: () => void };
  dispose: () => void;
}

function lstm(seed: number, batch = LSTM_BATCH): Trainee {
  const model = buildModel({ vocabSize: V, ...DEFAULT_SIZES }, seed);
  const order = shuffled(split.train, seed);
  return {
    tokensPerBatch: batch * split.len,
    batchShape: `${batch} × ${split.len}`,
    step: async (i) => {
      const at = (i * batch) % Math.max(1, order.length - batch);
      const { x, y } = gatherBatch(ids, order.slice(at, at + batch), split.len);
      const xs = tf.tensor2d(x, [batch, split.len], 'int32');
      const ys = tf.tensor3d(Float32Array.from(y), [batch, split.len, 1]);
      await model.trainOnBatch(xs, ys);
      tf.dispose([xs, ys]);
    },
    valLoss: () => lstmValidationLoss(model, { ids, split }, EVAL_WINDOWS),
    stepper: () => CharStepper.fromModel(model),
    dispose: () => disposeModel(model),
  };
}

function transformer(seed: number, batch = GPT_BATCH): Trainee {
  const vars: Variables = initWeights(config, seed);
  const list = Object.values(vars);
  const optimizer: tf.Optimizer = tf.train.adam(LEARNING_RATE);
  const order = shuffled(gptData.train, seed);
  return {
    tokensPerBatch: batch * gptData.trainLen,
    batchShape: `${batch} × ${gptData.trainLen}`,
    step: async (i) => {
      const at = (i * batch) % Math.max(1, order.length - batch);
      const loss = tf.tidy(() => {
        const { x, y } = batchTensors(ids, order.slice(at, at + batch), gptData.trainLen);
        const { value, grads } = tf.variableGrads(() => batchLoss(config, vars, x, y, { seed: seed + i }), list);
        optimizer.applyGradients(clipByGlobalNorm(grads, CLIP_NORM));
        return value;
      });
      await loss.data(); // wait for the step, as trainOnBatch does
      loss.dispose();
    },
    valLoss: () => gptValidationLoss(config, vars, gptData, EVAL_WINDOWS),
    stepper: () => TransformerStepper.fromWeights(config, vars),
    dispose: () => {
      optimizer.dispose();
      disposeWeights(vars);
    },
  };
}

/** `batch` sequences per training batch instead of the shipped recipe's (a slow backend's smaller batch). */
const make = (name: ModelName, seed = 1, batch?: number) => (name === 'lstm' ? lstm(seed, batch) : transformer(seed, batch));

/**
 * Training tokens (target characters) per second over `batches` batches of `batch` sequences
 * (the recipe's batch when omitted) after one warm-up batch; generation characters/s of the model
 * alone over ~`genSeconds`; the batch's shape ("4 × 64") for the table.
 */
export async function speed(name: ModelName, batches: number, genSeconds: number, batch?: number) {
  const m = make(name, 1, batch);
  await m.step(0); // warm-up: kernels compiled, shaders built
  const t0 = performance.now();
  for (let b = 1; b <= batches; b++) await m.step(b);
  const seconds = (performance.now() - t0) / 1000;
  const stepper = m.stepper();
  stepper.step(1);
  const g0 = performance.now();
  let n = 0;
  while (performance.now() - g0 < genSeconds * 1000) stepper.step(3 + (n++ % (V - 3)));
  const generation = n / ((performance.now() - g0) / 1000);
  stepper.dispose();
  m.dispose();
  return {
    tokensPerSecond: (batches * m.tokensPerBatch) / seconds,
    generationCharsPerSecond: generation,
    batchShape: m.batchShape,
    tensors: tf.memory().numTensors,
  };
}

/**
 * Trains `name` from its seeded start until the mean next-character cross-entropy over the first
 * EVAL_WINDOWS held-out windows (each model's validationLoss) is ≤ `threshold` nats, or for
 * `maxSeconds` of training. The clock stops while evaluating (every `evalEvery` batches), so both
 * models get the same training time whatever their evaluation costs.
 */
export async function timeToQuality(name: ModelName, threshold: number, maxSeconds: number, evalEvery: number) {
  const m = make(name);
  let trained = 0;
  let loss = m.valLoss();
  let reachedAt: number | null = loss <= threshold ? 0 : null;
  const curve: [number, number][] = [[0, loss]];
  for (let b = 0; trained < maxSeconds; b++) {
    const t0 = performance.now();
    await m.step(b);
    trained += (performance.now() - t0) / 1000;
    if ((b + 1) % evalEvery === 0) {
      loss = m.valLoss();
      curve.push([trained, loss]);
      if (reachedAt === null && loss <= threshold) reachedAt = trained;
    }
  }
  loss = m.valLoss();
  curve.push([trained, loss]);
  m.dispose();
  return { name, reachedAt, seconds: trained, finalLoss: loss, bestLoss: Math.min(...curve.map(([, l]) => l)), curve };
}
