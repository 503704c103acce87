/**
 * Training the §5.2 model in mini-batches with the layers API's trainOnBatch, reporting through
 * callbacks (onBatchEnd, onEpochEnd) and yielding between batches so a pause or stop request
 * can arrive. A non-finite loss restores the weights from before the batch and stops; stopping
 * mid-epoch keeps the weights of the last completed batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { gatherBatch, shuffled, type WindowSplit } from './windows';

export interface TrainData {
  ids: Int32Array;
  split: WindowSplit;
}

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  /** Epoch number to start counting from, so a resumed run shuffles like an uninterrupted one. */
  firstEpoch?: number;
  /** Validation windows used per epoch (all when omitted). */
  valWindows?: number;
}

export interface TrainCallbacks {
  onBatchEnd?: (batch: number, batches: number, loss: number) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs: { loss: number; valLoss: number }) => void | Promise<void>;
  /** Polled after every batch: true stops training, keeping the weights so far. */
  shouldStop?: () => boolean;
}

export type TrainOutcome = 'done' | 'stopped' | 'diverged';

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

export async function train(model: tfl.LayersModel, data: TrainData, opts: TrainOptions, cb: TrainCallbacks = {}): Promise<TrainOutcome> {
  const first = opts.firstEpoch ?? 0;
  for (let epoch = first; epoch < first + opts.epochs; epoch++) {
    const order = shuffled(data.split.train, opts.seed * 1000 + epoch);
    const batches = Math.ceil(order.length / opts.batchSize);
    let sum = 0;
    for (let b = 0; b < batches; b++) {
      const before = model.getWeights().map((w) => tf.clone(w));
      const { x, y } = batchTensors(data, order.slice(b * opts.batchSize, (b + 1) * opts.batchSize));
      const loss = Number(await model.trainOnBatch(x, y));
      tf.dispose([x, y]);
      if (!Number.isFinite(loss)) {
        model.setWeights(before);
        tf.dispose(before);
        return 'diverged';
      }
      tf.dispose(before);
      sum += loss;
      await cb.onBatchEnd?.(b, batches, loss);
      await new Promise((r) => setTimeout(r, 0)); // let pause/stop messages in
      if (cb.shouldStop?.()) return 'stopped';
    }
    await cb.onEpochEnd?.(epoch, { loss: sum / batches, valLoss: validationLoss(model, data, opts.valWindows) });
  }
  return 'done';
}
