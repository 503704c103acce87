/**
 * Training the §5.2 model in mini-batches with the fused step (step.ts: logits, one fused
 * softmax cross-entropy, the model's Adam). The epochs,
 * callbacks, pause/stop polling and divergence rollback are the loop shared with the
 * Transformer (loop.ts); this file says what one LSTM batch and its validation loss are.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { fusedStep } from './step';
import { trainLoop, type Learner, type LoopOptions, type TrainCallbacks, type TrainOutcome } from './loop';
import { gatherBatch, type WindowSplit } from './windows';

export type { TrainCallbacks, TrainOutcome } from './loop';

export interface TrainData {
  ids: Int32Array;
  split: WindowSplit;
}

export interface TrainOptions extends LoopOptions {
  /** Validation windows used per epoch (all when omitted). */
  valWindows?: number;
}

const batchTensors = (data: TrainData, starts: number[]) => {
  const { x, y } = gatherBatch(data.ids, starts, data.split.len);
  const n = starts.length;
  return { x: tf.tensor2d(x, [n, data.split.len], 'int32'), y: tf.tensor3d(Float32Array.from(y), [n, data.split.len, 1]) };
};

/** Mean cross-entropy per character over validation windows: ln of the perplexity. */
export function validationLoss(model: tfl.LayersModel, data: TrainData, limit = Infinity, batchSize = 64): number {
  const starts = data.split.val.slice(0, limit);
  let sum = 0;
  for (let i = 0; i < starts.length; i += batchSize) {
    const chunk = starts.slice(i, i + batchSize);
    sum += tf.tidy(() => {
      const { x, y } = batchTensors(data, chunk);
      const p = model.predict(x) as tf.Tensor3D;
      const picked = tf.sum(tf.mul(p, tf.oneHot(tf.cast(tf.squeeze(y, [2]), 'int32'), p.shape[2])), 2);
      return tf.sum(tf.neg(tf.log(tf.maximum(picked, 1e-7)))).dataSync()[0];
    });
  }
  return sum / Math.max(1, starts.length * data.split.len);
}

/** The LSTM's side of the shared loop: the fused step, and setWeights to roll back. */
function lstmLearner(model: tfl.LayersModel, data: TrainData, valWindows?: number): Learner {
  return {
    trainBatch: async (starts) => {
      const { x, y } = gatherBatch(data.ids, starts, data.split.len);
      const xs = tf.tensor2d(x, [starts.length, data.split.len], 'int32');
      const targets = tf.tensor1d(y, 'int32');
      try {
        return await fusedStep(model, xs, targets);
      } finally {
        tf.dispose([xs, targets]);
      }
    },
    snapshot: () => model.getWeights().map((w) => tf.clone(w)),
    restore: (saved) => model.setWeights(saved),
    validationLoss: () => validationLoss(model, data, valWindows),
  };
}

/** Trains `model` on `data.split.train` for `opts.epochs` epochs; see trainLoop for the outcome. */
export const train = (model: tfl.LayersModel, data: TrainData, opts: TrainOptions, cb: TrainCallbacks = {}): Promise<TrainOutcome> =>
  trainLoop(lstmLearner(model, data, opts.valWindows), data.split.train, opts, cb);
