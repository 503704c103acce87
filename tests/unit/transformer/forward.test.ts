import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { attentionMaps, disposeResult, forward } from '../../../src/lib/transformer/forward';
import { disposeWeights, initWeights } from '../../../src/lib/transformer/weights';
import { someIds, TINY, useCpu } from './tiny';

beforeAll(useCpu);

describe('the forward pass', () => {
  it('gives logits [B, T, V] for a batch', () => {
    const w = initWeights(TINY, 1);
    const r = forward(TINY, w, tf.tensor2d([someIds(5), someIds(5, 7)], undefined, 'int32'));
    expect(r.logits.shape).toEqual([2, 5, TINY.vocabSize]);
    expect(Array.from(r.logits.dataSync()).every(Number.isFinite)).toBe(true);
    disposeResult(r);
    disposeWeights(w);
  });

  it('returns attention as [layers][heads][T][T] whose rows sum to 1 within 1e-6 and whose future weights are exactly 0', () => {
    const w = initWeights(TINY, 2);
    const T = TINY.contextLength;
    const maps = attentionMaps(TINY, w, someIds(T));
    expect([maps.length, maps[0].length, maps[0][0].length, maps[0][0][0].length]).toEqual([TINY.layers, TINY.heads, T, T]);
    for (const head of maps.flat())
      head.forEach((row, i) => {
        expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
        row.forEach((p, j) => (j > i ? expect(p).toBe(0) : expect(p).toBeGreaterThan(0)));
      });
    disposeWeights(w);
  });

  it('does not let a later character change an earlier position (causality)', () => {
    const w = initWeights(TINY, 3);
    const a = someIds(6);
    const b = [...a.slice(0, 3), 1, 2, 9];
    const run = (ids: number[]) => tf.tidy(() => Array.from(forward(TINY, w, tf.tensor2d([ids], undefined, 'int32')).logits.dataSync()));
    const [la, lb] = [run(a), run(b)];
    const V = TINY.vocabSize;
    expect(lb.slice(0, 3 * V)).toEqual(la.slice(0, 3 * V));
    expect(lb.slice(3 * V)).not.toEqual(la.slice(3 * V));
    disposeWeights(w);
  });

  it('refuses more characters than the context length', () => {
    const w = initWeights(TINY, 1);
    const ids = tf.tensor2d([someIds(TINY.contextLength + 1)], undefined, 'int32');
    expect(() => forward(TINY, w, ids)).toThrow(RangeError);
    tf.dispose(ids);
    disposeWeights(w);
  });

  it('applies dropout only in training', () => {
    const w = initWeights(TINY, 4);
    const ids = tf.tensor2d([someIds(6)], undefined, 'int32');
    const run = (training?: { seed: number }) => tf.tidy(() => Array.from(forward(TINY, w, ids, { training }).logits.dataSync()));
    expect(run()).toEqual(run());
    expect(run({ seed: 5 })).toEqual(run({ seed: 5 }));
    expect(run({ seed: 5 })).not.toEqual(run());
    tf.dispose(ids);
    disposeWeights(w);
  });
});
