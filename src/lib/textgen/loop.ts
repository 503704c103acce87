/**
 * The training loop both character models share, the §5.2 LSTM and 附录 A's Transformer: a
 * seeded shuffle of the training windows per epoch, mini-batches, callbacks (onBatchEnd,
 * onEpochEnd), a yield after every batch so a pause or stop request can arrive, and a rollback
 * when a batch's loss is not finite. What one batch does to the weights is the Learner's
 * business: the LSTM runs its fused step (step.ts), the Transformer runs Adam on its
 * variables. Stopping mid-epoch keeps the weights of the last completed batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { shuffled } from './windows';

export interface LoopOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  /** Epoch number to start counting from, so a resumed run shuffles like an uninterrupted one. */
  firstEpoch?: number;
}

export interface TrainCallbacks {
  onBatchEnd?: (batch: number, batches: number, loss: number) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs: { loss: number; valLoss: number }) => void | Promise<void>;
  /** Polled after every batch: true stops training, keeping the weights so far. */
  shouldStop?: () => boolean;
}

export type TrainOutcome = 'done' | 'stopped' | 'diverged';

/** One model's side of the loop. */
export interface Learner {
  /** One optimisation step on the windows starting at `starts`; returns the batch's mean loss, nats per character. */
  trainBatch(starts: number[]): Promise<number> | number;
  /** Copies of every trainable weight, taken before each batch; the loop disposes them. */
  snapshot(): tf.Tensor[];
  /** Puts a snapshot's values back into the weights (the loop still owns and disposes the copies). */
  restore(saved: tf.Tensor[]): void;
  /** Mean cross-entropy per validation character, nats; called after every epoch. */
  validationLoss(): number;
}

/**
 * Runs `opts.epochs` epochs over `windows` (training window starts), shuffled with seed
 * `opts.seed * 1000 + epoch`. Resolves 'diverged' (weights restored from before the failing
 * batch) when a loss is NaN or ±Infinity, 'stopped' when `shouldStop` says so, else 'done'.
 */
export async function trainLoop(learner: Learner, windows: readonly number[], opts: LoopOptions, cb: TrainCallbacks = {}): Promise<TrainOutcome> {
  const first = opts.firstEpoch ?? 0;
  for (let epoch = first; epoch < first + opts.epochs; epoch++) {
    const order = shuffled(windows, opts.seed * 1000 + epoch);
    const batches = Math.ceil(order.length / opts.batchSize);
    let sum = 0;
    for (let b = 0; b < batches; b++) {
      const before = learner.snapshot();
      const loss = Number(await learner.trainBatch(order.slice(b * opts.batchSize, (b + 1) * opts.batchSize)));
      if (!Number.isFinite(loss)) {
        learner.restore(before);
        tf.dispose(before);
        return 'diverged';
      }
      tf.dispose(before);
      sum += loss;
      await cb.onBatchEnd?.(b, batches, loss);
      await new Promise((r) => setTimeout(r, 0)); // let pause/stop messages in
      if (cb.shouldStop?.()) return 'stopped';
    }
    await cb.onEpochEnd?.(epoch, { loss: sum / batches, valLoss: learner.validationLoss() });
  }
  return 'done';
}
