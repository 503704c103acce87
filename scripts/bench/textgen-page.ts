/**
 * Browser side of `npm run bench:textgen`, bundled by esbuild and injected into a page of the
 * built site. Measures our recipe and re-implements the tfjs-examples lstm-text-generation
 * recipe (one-hot input, LSTM(128) on the last position only, RMSprop 1e-2, batch 128,
 * windows of 40 taken every 3 characters) as the baseline, on the same backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tfl from '@tensorflow/tfjs-layers';
import { withThreadPerCore } from '../../src/lib/nn/wasm-threads';
import { buildModel, DEFAULT_SIZES, disposeModel } from '../../src/lib/textgen/model';
import { CharStepper } from '../../src/lib/textgen/stepper';
import { fusedStep } from '../../src/lib/textgen/step';
import { registerWasmKernels } from '../../src/lib/textgen/wasm-kernels';
import { registerWasmMatMul, unregisterWasmMatMul } from '../../src/lib/textgen/wasm-matmul';
import { buildVocab, encode, MAX_VOCAB } from '../../src/lib/textgen/vocab';
import { gatherBatch, makeWindows, shuffled } from '../../src/lib/textgen/windows';

const LEN = 40;
let ids: Int32Array = new Int32Array(0);
let V = 0;
let val: number[] = [];
let train: number[] = [];

export async function setup(backend: string, wasmPaths: Record<string, string>, corpus: string): Promise<string> {
  setWasmPaths(wasmPaths);
  // As the training workers start it: one thread per logical core when the page is isolated.
  const started = await withThreadPerCore(navigator, async () => (await tf.setBackend(backend)) && (await tf.ready(), true));
  if (!started) throw new Error(`${backend} unavailable`);
  registerWasmKernels();
  const { vocab } = buildVocab(corpus, MAX_VOCAB);
  ids = encode(vocab, corpus).ids;
  V = vocab.chars.length;
  const split = makeWindows(ids.length, LEN, 1);
  train = split.train;
  val = split.val.slice(0, 128);
  return tf.getBackend();
}

/**
 * Whether the page is cross-origin isolated, and how many threads TF.js's wasm backend runs
 * (1 on other backends and without isolation).
 */
export function threading(): { isolated: boolean; threads: number } {
  return { isolated: globalThis.crossOriginIsolated === true, threads: tf.getBackend() === 'wasm' ? getThreadsCount() : 1 };
}

/**
 * How one training batch is computed:
 * - 'fused': what the text lab's worker runs now: logits, one fused softmax cross-entropy and the
 *   model's Adam (src/lib/textgen/step.ts), with the wasm BatchMatMul that transposes first
 *   (src/lib/textgen/wasm-matmul.ts);
 * - 'layers': the day: the layers API's trainOnBatch with sparse cross-entropy on the
 *   softmax output, and TF.js's own BatchMatMul.
 */
export type TrainPath = 'fused' | 'layers';

/** The model being timed, its batch step, and the ceiling's operands; one per page at a time. */
let session: { model: tfl.LayersModel; step: (b: number) => Promise<void>; next: number; a: tf.Tensor; b: tf.Tensor } | undefined;

/**
 * Our recipe on `path`: every position a target, integer inputs and targets, Adam, batch 64.
 * Builds the model, runs one warm-up batch (kernels compiled, shaders built) and one warm-up
 * matMul; then trainRound() times batches, finishTraining() measures generation and frees all.
 */
export async function startTraining(path: TrainPath): Promise<void> {
  if (tf.getBackend() === 'wasm') (path === 'fused' ? registerWasmMatMul : unregisterWasmMatMul)();
  const model = buildModel({ vocabSize: V, ...DEFAULT_SIZES }, 1);
  const step = async (b: number) => {
    const { x, y } = gatherBatch(ids, train.slice(b * 64, b * 64 + 64), LEN);
    const xs = tf.tensor2d(x, [64, LEN], 'int32');
    const ys = path === 'fused' ? tf.tensor1d(y, 'int32') : tf.tensor3d(Float32Array.from(y), [64, LEN, 1]);
    await (path === 'fused' ? fusedStep(model, xs, ys as tf.Tensor1D) : model.trainOnBatch(xs, ys));
    tf.dispose([xs, ys]);
  };
  await step(0);
  session = { model, step, next: 1, a: tf.randomNormal([64 * LEN, 128]), b: tf.randomNormal([128, V]) };
  await timedMatMul();
}

/** ms of one matMul of training's largest shape ([2560, 128] · [128, V]), read back. */
async function timedMatMul(): Promise<number> {
  if (!session) throw new Error('startTraining first');
  const t0 = performance.now();
  const c = tf.matMul(session.a, session.b);
  await c.data();
  c.dispose();
  return performance.now() - t0;
}

/**
 * One round: a timed matMul (the ceiling: 2·M·K·N FLOPs for 2560 × 128 × V) and one timed
 * training batch, in ms. The benchmark interleaves rounds of several pages, so that a machine
 * whose load changes during the run slows every page alike.
 */
export async function trainRound(): Promise<{ matmulMs: number; batchMs: number }> {
  if (!session) throw new Error('startTraining first');
  const matmulMs = await timedMatMul();
  const t0 = performance.now();
  await session.step(session.next++);
  return { matmulMs, batchMs: performance.now() - t0 };
}

/** FLOPs of the ceiling's matMul, and of training per target character (forward 2·(E·4U + U·4U + U·V), backward about twice that). */
export const flops = () => ({ matmul: 2 * 64 * LEN * 128 * V, perChar: 3 * 2 * (DEFAULT_SIZES.embeddingSize * 4 * 128 + 128 * 4 * 128 + 128 * V) });

/** Generation characters/s of the trained model for 2 s, then frees the model and the ceiling's operands. */
export function finishTraining(): { generationCharsPerSecond: number } {
  if (!session) throw new Error('startTraining first');
  const stepper = CharStepper.fromModel(session.model);
  stepper.step(1);
  const g0 = performance.now();
  let n = 0;
  while (performance.now() - g0 < 2000) stepper.step(n++ % V);
  const genSeconds = (performance.now() - g0) / 1000;
  stepper.dispose();
  disposeModel(session.model);
  tf.dispose([session.a, session.b]);
  session = undefined;
  return { generationCharsPerSecond: n / genSeconds };
}

/**
 * Generation characters/s of the model alone for `ms`, as finishTraining measures it (one
 * CharStepper step per character, nothing else), on a fresh model of the lab's shapes: the
 * benchmark runs it between two widget runs, so both see the machine's load of the moment.
 * Also the rate over the first `first` characters alone: on a fresh page V8 has not yet compiled
 * TF.js's op code, as in the widget's fresh worker, whose whole run is that many characters.
 */
export function generationAlone(ms = 2000, first = 2000): { generationCharsPerSecond: number; firstCharsPerSecond: number } {
  const model = buildModel({ vocabSize: V, ...DEFAULT_SIZES }, 1);
  const stepper = CharStepper.fromModel(model);
  stepper.step(1);
  const g0 = performance.now();
  let n = 0;
  let firstSeconds = NaN;
  while (n < first || performance.now() - g0 < ms) {
    stepper.step(n++ % V);
    if (n === first) firstSeconds = (performance.now() - g0) / 1000;
  }
  const seconds = (performance.now() - g0) / 1000;
  stepper.dispose();
  disposeModel(model);
  return { generationCharsPerSecond: n / seconds, firstCharsPerSecond: first / firstSeconds };
}

/** Cross-entropy of the character after each validation window: the same yardstick for both recipes. */
function lastPositionLoss(predictLast: (starts: number[]) => tf.Tensor2D): number {
  return tf.tidy(() => {
    const p = predictLast(val);
    const next = tf.tensor1d(
      val.map((s) => ids[s + LEN]),
      'int32',
    );
    const picked = tf.sum(tf.mul(p, tf.oneHot(next, V)), 1);
    return tf.mean(tf.neg(tf.log(tf.maximum(picked, 1e-7)))).dataSync()[0];
  });
}

/**
 * Seconds until `recipe` reaches `threshold` nats on the validation windows. Ours trains with the
 * fused step; the baseline with trainOnBatch as tfjs-examples does. Both run with the
 * transpose-first BatchMatMul on wasm, so the baseline gets that speed-up too.
 */
export async function timeToQuality(recipe: 'ours' | 'baseline', threshold: number, maxSeconds: number, evalEvery: number) {
  const ours = recipe === 'ours';
  if (tf.getBackend() === 'wasm') registerWasmMatMul();
  const model = ours ? buildModel({ vocabSize: V, ...DEFAULT_SIZES }, 1) : baseline();
  const oneHot = (starts: number[]) => tf.oneHot(tf.tensor2d(gatherBatch(ids, starts, LEN).x, [starts.length, LEN], 'int32'), V);
  const predictLast = (starts: number[]): tf.Tensor2D =>
    ours
      ? (tf.squeeze(
          tf.slice(model.predict(tf.tensor2d(gatherBatch(ids, starts, LEN).x, [starts.length, LEN], 'int32')) as tf.Tensor3D, [0, LEN - 1, 0], [-1, 1, -1]),
          [1],
        ) as tf.Tensor2D)
      : (model.predict(oneHot(starts)) as tf.Tensor2D);
  // tfjs-examples samples windows every 3 characters; ours uses non-overlapping windows.
  const starts = ours
    ? shuffled(train, 7)
    : shuffled(
        Array.from({ length: Math.floor((ids.length - LEN - 1) / 3) }, (_, i) => i * 3).filter((s) => !val.some((v) => Math.abs(v - s) < LEN + 1)),
        7,
      );
  const size = ours ? 64 : 128;
  const t0 = performance.now();
  let loss = lastPositionLoss(predictLast);
  const curve: [number, number][] = [[0, loss]];
  for (let b = 0; loss > threshold && (performance.now() - t0) / 1000 < maxSeconds; b++) {
    const chunk = starts.slice((b * size) % starts.length, ((b * size) % starts.length) + size);
    const [x, y] = tf.tidy(() =>
      ours
        ? [tf.tensor2d(gatherBatch(ids, chunk, LEN).x, [chunk.length, LEN], 'int32'), tf.tensor1d(gatherBatch(ids, chunk, LEN).y, 'int32')]
        : [
            oneHot(chunk),
            tf.oneHot(
              tf.tensor1d(
                chunk.map((s) => ids[s + LEN]),
                'int32',
              ),
              V,
            ),
          ],
    );
    await (ours ? fusedStep(model, x as tf.Tensor2D, y as tf.Tensor1D) : model.trainOnBatch(x, y));
    tf.dispose([x, y]);
    if ((b + 1) % evalEvery === 0) {
      loss = lastPositionLoss(predictLast);
      curve.push([(performance.now() - t0) / 1000, loss]);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  disposeModel(model);
  return { recipe, reached: loss <= threshold, seconds, loss, curve };
}

function baseline(): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [tfl.layers.lstm({ units: 128, inputShape: [LEN, V] }), tfl.layers.dense({ units: V, activation: 'softmax' })],
  });
  model.compile({ optimizer: tf.train.rmsprop(1e-2), loss: 'categoricalCrossentropy' });
  return model;
}
