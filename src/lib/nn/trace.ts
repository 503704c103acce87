/**
 * Every number of one forward/backward/update pass, as plain arrays, for a widget to show.
 * Computed with the library's own forward/backward on a single sample (a batch of one).
 */
import * as tf from '@tensorflow/tfjs-core';
import { backward, disposeGradients } from './backprop';
import { lossValue } from './loss';
import { disposeForward, forward, type Params } from './network';
import type { NetworkSpec } from './spec';

export interface Trace {
  /** z[l-1] = z⁽ˡ⁾ and a[l] = a⁽ˡ⁾ for the sample (a[0] = x). */
  z: number[][];
  a: number[][];
  yHat: number[];
  /** The target the loss compares against. */
  y: number[];
  loss: number;
  /** delta[l-1] = δ⁽ˡ⁾. */
  delta: number[][];
  dW: number[][][];
  db: number[][];
  /** Parameters before and after θ ← θ − α ∂ℒ/∂θ. */
  W: number[][][];
  b: number[][];
  nextW: number[][][];
  nextB: number[][];
  alpha: number;
}

const row = (t: tf.Tensor) => Array.from(t.dataSync());

export function traceStep(spec: NetworkSpec, params: Params, x: number[], y: number[], alpha: number): Trace {
  const X = tf.tensor2d([x]);
  const Y = tf.tensor2d([y]);
  const pass = forward(spec, params, X);
  const grads = backward(spec, params, pass, Y);
  const lossT = lossValue(spec.loss, pass.yHat, Y);
  const W = params.W.map((w) => w.arraySync());
  const b = params.b.map(row);
  const dW = grads.dW.map((g) => g.arraySync());
  const db = grads.db.map(row);
  const trace: Trace = {
    z: pass.z.map(row),
    a: pass.a.map(row),
    yHat: row(pass.yHat),
    y: [...y],
    loss: lossT.dataSync()[0],
    delta: grads.delta.map(row),
    dW,
    db,
    W,
    b,
    nextW: W.map((Wl, l) => Wl.map((r, i) => r.map((w, j) => w - alpha * dW[l][i][j]))),
    nextB: b.map((bl, l) => bl.map((v, i) => v - alpha * db[l][i])),
    alpha,
  };
  tf.dispose([X, Y, lossT]);
  disposeForward(pass);
  disposeGradients(grads);
  return trace;
}

/** The forward half only: z⁽ˡ⁾, a⁽ˡ⁾ and ŷ for one sample. */
export function forwardValues(spec: NetworkSpec, params: Params, x: number[]): Pick<Trace, 'z' | 'a' | 'yHat'> {
  const X = tf.tensor2d([x]);
  const pass = forward(spec, params, X);
  const values = { z: pass.z.map(row), a: pass.a.map(row), yHat: row(pass.yHat) };
  X.dispose();
  disposeForward(pass);
  return values;
}
