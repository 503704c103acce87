/**
 * The §3.2 training loop on a toy dataset, as the training widget runs it: mini-batch steps,
 * train/validation loss, a prediction grid for the decision-boundary heat map, and divergence
 * detection. Owns its tensors; `dispose()` frees them all.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LabConfig } from './config';
import { DEFAULT_SAMPLES, DEFAULT_TRAIN_FRACTION, makeDataset, type Points } from './datasets';
import { disposeParams, forward, initParams, type Params } from './network';
import { createOptimizer, type Optimizer } from './optimizers';
import type { NetworkSpec } from './spec';
import { evaluate, trainStep } from './train';

/**
 * The run has diverged (e.g. learning rate 1e6) when the loss is not finite or huge, or when a
 * weight has grown past WEIGHT_LIMIT: with tanh the loss saturates and stays finite even then.
 */
export const DIVERGED = 1e6;
export const WEIGHT_LIMIT = 1e4;
export const EXTENT = 6;

export function labSpec(c: LabConfig): NetworkSpec {
  return { sizes: [2, ...c.hidden, 1], activation: c.activation, output: 'identity', loss: 'squared' };
}

/** Targets the output layer can reach: ±1 for tanh (as in Playground), 0/1 for sigmoid and ReLU. */
export const target = (c: LabConfig, label: number) => (c.activation === 'tanh' ? 2 * label - 1 : label);

export class Trainer {
  readonly spec: NetworkSpec;
  readonly data: { train: Points; val: Points };
  steps = 0;
  diverged = false;
  private params: Params;
  private opt: Optimizer;
  private X: tf.Tensor2D;
  private Y: tf.Tensor2D;
  private Xv: tf.Tensor2D;
  private Yv: tf.Tensor2D;
  private cursor = 0;

  constructor(
    readonly config: LabConfig,
    n = DEFAULT_SAMPLES,
    trainFraction = DEFAULT_TRAIN_FRACTION,
  ) {
    this.spec = labSpec(config);
    this.data = makeDataset(config.dataset, { n, noise: config.noise, seed: config.seed, trainFraction });
    const t = (p: Points) => tf.tensor2d(p.y.map((v) => [target(config, v)]));
    this.X = tf.tensor2d(this.data.train.x);
    this.Y = t(this.data.train);
    this.Xv = tf.tensor2d(this.data.val.x.length ? this.data.val.x : [[0, 0]]);
    this.Yv = t(this.data.val.x.length ? this.data.val : { x: [[0, 0]], y: [0] });
    this.params = initParams(this.spec, config.seed);
    this.opt = createOptimizer(config.optimizer, config.lr);
  }

  /** One mini-batch update; returns its loss. Stops (and sets `diverged`) once the loss blows up. */
  step(): number {
    if (this.diverged) return Number.NaN;
    const m = this.X.shape[0];
    const size = Math.min(this.config.batch, m);
    if (this.cursor + size > m) this.cursor = 0;
    const xb = tf.slice(this.X, [this.cursor, 0], [size, 2]);
    const yb = tf.slice(this.Y, [this.cursor, 0], [size, 1]);
    this.cursor += size;
    const r = trainStep(this.spec, this.params, this.opt, xb, yb, this.config.l2);
    tf.dispose([xb, yb]);
    this.params = r.params;
    this.steps++;
    if (!Number.isFinite(r.loss) || r.loss > DIVERGED || this.largestWeight() > WEIGHT_LIMIT) this.diverged = true;
    return r.loss;
  }

  /** max |W⁽ˡ⁾ᵢⱼ| over all layers (NaN counts as infinite). */
  largestWeight(): number {
    const v = tf.tidy(() => tf.max(tf.stack(this.params.W.map((w) => tf.max(tf.abs(w))))).dataSync()[0]);
    return Number.isNaN(v) ? Infinity : v;
  }

  /** Full-set losses, as the curves plot them. */
  losses(): { train: number; val: number } {
    return { train: evaluate(this.spec, this.params, this.X, this.Y), val: evaluate(this.spec, this.params, this.Xv, this.Yv) };
  }

  /** Network output on a res×res grid over [-6, 6]², row by row from the top (y = +6). */
  grid(res: number): Float32Array {
    return tf.tidy(() => {
      const pts: number[][] = [];
      for (let r = 0; r < res; r++) for (let c = 0; c < res; c++) pts.push([-EXTENT + ((c + 0.5) * 2 * EXTENT) / res, EXTENT - ((r + 0.5) * 2 * EXTENT) / res]);
      return forward(this.spec, this.params, tf.tensor2d(pts)).yHat.dataSync() as Float32Array;
    });
  }

  dispose(): void {
    disposeParams(this.params);
    this.opt.dispose();
    tf.dispose([this.X, this.Y, this.Xv, this.Yv]);
  }
}
