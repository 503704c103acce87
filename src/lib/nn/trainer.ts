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
import { evaluate } from './train';
import { fastTrainStep } from './fast-step';

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

/** Centres of a res×res grid of cells over [-EXTENT, EXTENT]², row by row from the top, as [x, y] pairs. */
function gridPoints(res: number): Float32Array {
  const xy = new Float32Array(2 * res * res);
  for (let r = 0; r < res; r++)
    for (let c = 0; c < res; c++) xy.set([-EXTENT + ((c + 0.5) * 2 * EXTENT) / res, EXTENT - ((r + 0.5) * 2 * EXTENT) / res], 2 * (r * res + c));
  return xy;
}

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
  /** The mini-batches of one epoch, in order, sliced once: rows [k·batch, (k+1)·batch) of X and Y. */
  private readonly batches: { x: tf.Tensor2D; y: tf.Tensor2D }[] = [];
  private cursor = 0;
  /** The validation set, or one dummy point when there is none (so its loss stays defined). */
  private readonly valSet: Points;
  /** snapshot()'s inputs: training points, validation points, then grid points, as [x, y] rows. */
  private probe: { res: number; xy: Float32Array } | undefined;

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
    this.valSet = this.data.val.x.length ? this.data.val : { x: [[0, 0]], y: [0] };
    this.Xv = tf.tensor2d(this.valSet.x);
    this.Yv = t(this.valSet);
    const m = this.X.shape[0];
    const size = Math.min(config.batch, m);
    for (let start = 0; start + size <= m; start += size)
      this.batches.push({ x: tf.slice(this.X, [start, 0], [size, 2]), y: tf.slice(this.Y, [start, 0], [size, 1]) });
    this.params = initParams(this.spec, config.seed);
    this.opt = createOptimizer(config.optimizer, config.lr);
  }

  /**
   * One mini-batch update (the next batch of the epoch, from the first again after the last);
   * returns its loss. Stops (and sets `diverged`) once the loss or a weight blows up.
   */
  step(): number {
    if (this.diverged) return Number.NaN;
    const { x, y } = this.batches[this.cursor];
    this.cursor = (this.cursor + 1) % this.batches.length;
    const r = fastTrainStep(this.spec, this.params, this.opt, x, y, this.config.l2);
    this.params = r.params;
    this.steps++;
    if (!Number.isFinite(r.loss) || r.loss > DIVERGED || !(r.largestWeight <= WEIGHT_LIMIT)) this.diverged = true;
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
    const yHat = tf.tidy(() => forward(this.spec, this.params, tf.tensor2d(gridPoints(res), [res * res, 2])).yHat);
    const out = yHat.dataSync() as Float32Array;
    yHat.dispose();
    return out;
  }

  /**
   * What the widget shows after a frame, from one forward pass over all the points and one
   * read-back: losses() (the same means of ½(ŷ − y)², summed in double precision) and grid(res).
   */
  snapshot(res: number): { train: number; val: number; grid: Float32Array } {
    const { train } = this.data;
    const val = this.valSet;
    if (this.probe?.res !== res) this.probe = { res, xy: Float32Array.from([...train.x.flat(), ...val.x.flat(), ...gridPoints(res)]) };
    const xy = this.probe.xy;
    // Read outside the tidy: a typed array returned from tf.tidy is walked element by element.
    const yHat = tf.tidy(() => forward(this.spec, this.params, tf.tensor2d(xy, [xy.length / 2, 2])).yHat);
    const out = yHat.dataSync();
    yHat.dispose();
    const loss = (p: Points, offset: number) => (0.5 * p.y.reduce((s, label, i) => s + (out[offset + i] - target(this.config, label)) ** 2, 0)) / p.y.length;
    return { train: loss(train, 0), val: loss(val, train.y.length), grid: Float32Array.from(out.subarray(train.y.length + val.y.length)) };
  }

  dispose(): void {
    disposeParams(this.params);
    this.opt.dispose();
    tf.dispose([this.X, this.Y, this.Xv, this.Yv, ...this.batches.flatMap((b) => [b.x, b.y])]);
  }
}
