/**
 * Messages between the page and a training worker: the §5.2 LSTM's (text-lab/train.worker.ts)
 * and 附录 A's Transformer's (gpt-train/train.worker.ts) speak the same protocol; `model` in the
 * start message says which one a job is for. Weights travel as tf.io artifacts (topology,
 * weight specs and one ArrayBuffer), which both sides already know how to read.
 */
import type * as tf from '@tensorflow/tfjs-core';

export type TrainModel = 'lstm' | 'transformer';

export interface StartTraining {
  type: 'start';
  /** Which model the job trains; each worker refuses a job for the other. */
  model: TrainModel;
  /** The corpus text; the worker builds windows from it with `seed`. */
  text: string;
  /** chars[id] to train with; a checkpoint's vocabulary when continuing from it. */
  vocab: string[];
  /** Continue from these weights, or start from a seeded initialisation. */
  artifacts?: tf.io.ModelArtifacts;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Epochs already trained, so a continued run keeps counting (and shuffling) from there. */
  firstEpoch: number;
}

export type ToWorker = StartTraining | { type: 'pause' } | { type: 'resume' } | { type: 'stop' };

export type FromWorker =
  /** `threads`: how many threads the backend computes with (TF.js's threaded wasm build on an isolated page). */
  | { type: 'ready'; backend: string; threads: number; notice: string }
  /** Validation loss (nats/char) of the starting weights, before any batch (the Transformer's worker sends it). */
  | { type: 'baseline'; valLoss: number }
  | { type: 'batch'; epoch: number; batch: number; batches: number; loss: number; charsPerSecond: number }
  | { type: 'epoch'; epoch: number; loss: number; valLoss: number; sample: string }
  /** The batch under way when 'pause' arrived has finished; nothing more runs until 'resume'. */
  | { type: 'paused' }
  /** Weights after training ended for `reason`; 'diverged' sends the last good weights. */
  | {
      type: 'done';
      reason: 'done' | 'stopped' | 'diverged';
      artifacts: tf.io.ModelArtifacts;
      epochsDone: number;
      /** Tensors the worker still holds once the model is freed (tf.memory().numTensors), when it reports them. */
      tensors?: number;
    }
  | { type: 'error'; message: string };
