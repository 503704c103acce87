import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedLstm, lstmLastLogits, lstmWeights } from '../../../src/lib/interpret/lstm';
import { embedGpt, gptLastLogits, gptSaliency, lstmSaliency } from '../../../src/lib/interpret/saliency';
import { useCpu } from '../nn/tf';
import { TINY_GPT, tinyGpt, tinyLstm } from './tiny';

beforeAll(useCpu);

/** ln softmax(logits)[y] of a [V] logits tensor, as a plain number. */
const logProbOf = (logits: tf.Tensor1D, y: number): number => tf.tidy(() => tf.logSoftmax(logits).dataSync()[y]);

/**
 * Central differences along each input's own gradient direction u_j = g_j/‖g_j‖: the directional
 * derivative there equals ‖g_j‖, the score. `evalAt` gives ln p(y) for token vectors [T, E].
 */
function finiteScores(e: tf.Tensor2D, evalAt: (x: tf.Tensor2D) => number, grads: number[][], eps = 1e-2): number[] {
  const base = e.arraySync();
  return grads.map((g, j) => {
    const n = Math.hypot(...g);
    const shifted = (s: number) => {
      const rows = base.map((row, t) => (t === j ? row.map((v, k) => v + (s * eps * g[k]) / n) : row));
      const x = tf.tensor2d(rows);
      const v = evalAt(x);
      x.dispose();
      return v;
    };
    return (shifted(1) - shifted(-1)) / (2 * eps);
  });
}

/** ∂ ln p(y)/∂e by tf.grad, [T][E], the reference direction for finiteScores. */
const gradOf = (e: tf.Tensor2D, f: (x: tf.Tensor2D) => tf.Tensor1D, y: number): number[][] =>
  tf.tidy(
    () =>
      tf
        .grad((x: tf.Tensor) => tf.sum(tf.mul(tf.logSoftmax(f(x as tf.Tensor2D)), tf.oneHot(tf.tensor1d([y], 'int32'), f(x as tf.Tensor2D).shape[0]))))(e)
        .arraySync() as number[][],
  );

describe('gradient saliency', () => {
  it('gives the LSTM one non-negative score per input character, and the argmax as its target', () => {
    const w = tinyLstm(3);
    const lw = lstmWeights(w);
    const ids = [1, 4, 2, 8, 3];
    const s = lstmSaliency(lw, ids);
    expect(s.scores).toHaveLength(ids.length);
    s.scores.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
    const logits = tf.tidy(() => lstmLastLogits(lw, embedLstm(lw, ids)).arraySync());
    expect(s.target).toBe(logits.indexOf(Math.max(...logits)));
    tf.dispose(Object.values(w));
  });

  it("agrees with finite differences of the LSTM's log-probability on a tiny model", () => {
    const w = tinyLstm(7);
    const lw = lstmWeights(w);
    const ids = [2, 5, 1, 7, 6, 3];
    const s = lstmSaliency(lw, ids);
    const e = embedLstm(lw, ids);
    const f = (x: tf.Tensor2D) => lstmLastLogits(lw, x);
    const fd = finiteScores(e, (x) => logProbOf(f(x), s.target), gradOf(e, f, s.target));
    fd.forEach((v, j) => expect(s.scores[j]).toBeCloseTo(v, 2));
    expect(Math.max(...s.scores)).toBeGreaterThan(0.05);
    expect(s.logProb).toBeCloseTo(
      tf.tidy(() => logProbOf(f(e), s.target)),
      5,
    );
    e.dispose();
    tf.dispose(Object.values(w));
  });

  it("agrees with finite differences of the Transformer's log-probability on a tiny model", () => {
    const w = tinyGpt(4);
    const ids = [3, 9, 1, 4, 10, 2];
    const s = gptSaliency(TINY_GPT, w, ids);
    expect(s.scores).toHaveLength(ids.length);
    const e = embedGpt(w, ids);
    const f = (x: tf.Tensor2D) => gptLastLogits(TINY_GPT, w, ids, x);
    const fd = finiteScores(e, (x) => tf.tidy(() => logProbOf(f(x), s.target)), gradOf(e, f, s.target));
    fd.forEach((v, j) => expect(s.scores[j]).toBeCloseTo(v, 2));
    expect(Math.max(...s.scores)).toBeGreaterThan(0.05);
    e.dispose();
    tf.dispose(Object.values(w));
  });

  it('scores the Transformer for the target asked for, not only the argmax', () => {
    const w = tinyGpt(5);
    const ids = [1, 2, 3];
    const a = gptSaliency(TINY_GPT, w, ids);
    const other = (a.target + 1) % TINY_GPT.vocabSize;
    const b = gptSaliency(TINY_GPT, w, ids, other);
    expect(b.target).toBe(other);
    expect(b.logProb).toBeLessThan(a.logProb);
    tf.dispose(Object.values(w));
  });

  it('refuses no input, and more input than the context length', () => {
    const w = tinyGpt(5);
    expect(() => gptSaliency(TINY_GPT, w, [])).toThrow(RangeError);
    expect(() => gptSaliency(TINY_GPT, w, new Array(TINY_GPT.contextLength + 1).fill(1))).toThrow(RangeError);
    tf.dispose(Object.values(w));
  });

  it('frees every tensor it makes, for both architectures', () => {
    const lw = tinyLstm(1);
    const gw = tinyGpt(1);
    const before = tf.memory().numTensors;
    lstmSaliency(lstmWeights(lw), [1, 2, 3]);
    gptSaliency(TINY_GPT, gw, [1, 2, 3]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...Object.values(lw), ...Object.values(gw)]);
  });
});
