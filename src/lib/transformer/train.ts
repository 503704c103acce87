/**
 * Training the Transformer with Adam (Kingma & Ba 2015) on its variables, through the loop the
 * LSTM uses (textgen/loop.ts): the same callbacks, pause/stop polling and divergence rollback.
 * The loss is the mean cross-entropy of the next character, nats per character:
 *   ℒ = −(1/BT) Σ_{b,t} log softmax(logits_{b,t})[y_{b,t}].
 * Gradients are clipped to a global norm (as GPT-2's training does) before each Adam step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../nn/prng';
import { trainLoop, type Learner, type LoopOptions, type TrainCallbacks, type TrainOutcome } from '../textgen/loop';
import { gatherBatch } from '../textgen/windows';
import type { TransformerConfig } from './config';
import type { TransformerData } from './data';
import { forward } from './forward';
import type { Variables, Weights } from './weights';

/** Adam's step size for the 唐诗 model. */
export const LEARNING_RATE = 2e-3;
/** Largest global gradient norm, √(Σ‖g‖²), before a step; larger gradients are scaled down to it. */
export const CLIP_NORM = 1;

export interface TransformerTrainOptions extends LoopOptions {
  learningRate?: number;
  clipNorm?: number;
  /** Validation windows used per epoch (all when omitted). */
  valWindows?: number;
  /** Continue with this optimizer (its moments), e.g. across calls; otherwise a fresh Adam, freed at the end. */
  optimizer?: tf.Optimizer;
}

/** Inputs and targets [n, len] (int32) for windows starting at `starts`. */
export function batchTensors(ids: Int32Array, starts: number[], len: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const { x, y } = gatherBatch(ids, starts, len);
  return { x: tf.tensor2d(x, [starts.length, len], 'int32'), y: tf.tensor2d(y, [starts.length, len], 'int32') };
}

/** Mean next-character cross-entropy (nats) of inputs x [B, T] against targets y [B, T]; dropout when `training`. */
export function batchLoss(c: TransformerConfig, w: Weights, x: tf.Tensor2D, y: tf.Tensor2D, training?: { seed: number }): tf.Scalar {
  return tf.tidy(() => {
    const logp = tf.reshape(tf.logSoftmax(forward(c, w, x, { training }).logits), [-1]);
    const n = y.size;
    const picked = tf.gather(logp, tf.add(tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(c.vocabSize, 'int32')), tf.reshape(y, [-1])));
    return tf.neg(tf.mean(picked)) as tf.Scalar;
  });
}

/** Mean cross-entropy per character (nats) over the LSTM's validation windows, no dropout: ln of the perplexity. */
export function validationLoss(c: TransformerConfig, w: Weights, data: TransformerData, limit = Infinity, batchSize = 64): number {
  const starts = data.split.val.slice(0, limit);
  let sum = 0;
  for (let i = 0; i < starts.length; i += batchSize) {
    const chunk = starts.slice(i, i + batchSize);
    sum += tf.tidy(() => {
      const { x, y } = batchTensors(data.ids, chunk, data.split.len);
      return batchLoss(c, w, x, y).dataSync()[0] * chunk.length;
    });
  }
  return sum / Math.max(1, starts.length);
}

/** Scales every gradient by min(1, maxNorm / ‖g‖), ‖g‖ the norm of all of them together. */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
    const factor = tf.minimum(tf.div(maxNorm, tf.maximum(norm, 1e-12)), 1);
    return Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.mul(g, factor)]));
  });
}

/**
 * Trains `vars` in place on `data.train` windows for `opts.epochs` epochs (dropout seeded from
 * `opts.seed`); reports like the LSTM's train(). A non-finite loss restores the weights from
 * before that batch and resolves 'diverged'.
 */
export async function trainTransformer(
  c: TransformerConfig,
  vars: Variables,
  data: TransformerData,
  opts: TransformerTrainOptions,
  cb: TrainCallbacks = {},
): Promise<TrainOutcome> {
  const optimizer = opts.optimizer ?? tf.train.adam(opts.learningRate ?? LEARNING_RATE);
  const list = Object.values(vars);
  const dropoutSeeds = mulberry32(opts.seed * 7919 + (opts.firstEpoch ?? 0));
  const learner: Learner = {
    trainBatch: (starts) => {
      const loss = tf.tidy(() => {
        const { x, y } = batchTensors(data.ids, starts, data.trainLen);
        const training = { seed: Math.floor(dropoutSeeds() * 2 ** 31) };
        const { value, grads } = tf.variableGrads(() => batchLoss(c, vars, x, y, training), list);
        optimizer.applyGradients(clipByGlobalNorm(grads, opts.clipNorm ?? CLIP_NORM));
        return value;
      });
      const value = loss.dataSync()[0];
      loss.dispose();
      return value;
    },
    snapshot: () => list.map((v) => tf.clone(v)),
    restore: (saved) => list.forEach((v, i) => v.assign(saved[i])),
    validationLoss: () => validationLoss(c, vars, data, opts.valWindows),
  };
  try {
    return await trainLoop(learner, data.train, opts, cb);
  } finally {
    if (!opts.optimizer) optimizer.dispose();
  }
}
