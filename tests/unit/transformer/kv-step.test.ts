/**
 * The one-position step with rearranged weights (kv-step.ts): the same logits as the full forward
 * pass at every position, with and without tied embeddings; few kernels, none that reorders
 * memory; and it frees what it made without touching the model's own weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forward } from '../../../src/lib/transformer/forward';
import { disposeStep, prepareStep, stepOne, type KvCache } from '../../../src/lib/transformer/kv-step';
import { gelu } from '../../../src/lib/transformer/layers';
import { gelu as plainGelu } from '../../../src/lib/transformer/plain';
import { boldWeights, someIds, TINY, useCpu } from './tiny';

beforeAll(useCpu);
afterAll(useCpu);

/** Logits of every position, step by step, as rows; frees every cache. */
function stepped(c: typeof TINY, w: tf.NamedTensorMap, ids: number[]): number[][] {
  const s = prepareStep(c, w);
  let cache: KvCache[] | null = null;
  const rows = ids.map((id, i) => {
    const r = stepOne(c, s, id, i, cache);
    if (cache) tf.dispose(cache);
    cache = r.cache;
    const row = Array.from(r.logits.dataSync());
    r.logits.dispose();
    return row;
  });
  if (cache) tf.dispose(cache);
  disposeStep(s);
  return rows;
}

describe('the one-position step', () => {
  for (const tied of [true, false]) {
    it(`equals the full forward pass at every position within 1e-5 (${tied ? 'tied' : 'untied'} embeddings)`, () => {
      const c = { ...TINY, tiedEmbeddings: tied };
      const w = boldWeights(c, tied ? 21 : 22);
      const ids = someIds(c.contextLength);
      const full = tf.tidy(() => forward(c, w, tf.tensor2d([ids], undefined, 'int32')).logits.arraySync()[0]);
      const rows = stepped(c, w, ids);
      const worst = Math.max(...rows.flatMap((row, i) => row.map((v, j) => Math.abs(v - full[i][j]))));
      expect(worst).toBeLessThan(1e-5);
      tf.dispose(Object.values(w));
    });
  }

  it('runs a few kernels a layer, none of them a slice, transpose, division or mask', async () => {
    const c = { ...TINY, layers: 3 };
    const w = boldWeights(c, 23);
    const s = prepareStep(c, w);
    const first = stepOne(c, s, 3, 0, null);
    const profile = await tf.profile(() => {
      const r = stepOne(c, s, 4, 1, first.cache);
      tf.dispose([r.logits, ...r.cache]);
    });
    const names = profile.kernels.map((k) => k.name);
    // WebAssembly's Slice copies its whole input (the V × d embedding, a step) out of the module first.
    expect(names.filter((n) => ['Slice', 'Transpose', 'RealDiv', 'Range', 'Pow'].includes(n))).toEqual([]);
    expect(names.length).toBeLessThanOrEqual(36 * c.layers + 12);
    tf.dispose([first.logits, ...first.cache]);
    disposeStep(s);
    tf.dispose(Object.values(w));
  });

  it('frees what it made and leaves the model’s weights as they were', () => {
    const w = boldWeights(TINY, 24);
    const before = tf.memory().numTensors;
    const values = w['block0/ln1/gamma'].dataSync().slice();
    stepped(TINY, w, someIds(5));
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(w['block0/ln1/gamma'].dataSync())).toEqual(Array.from(values));
    tf.dispose(Object.values(w));
  });

  it('refuses an id outside the vocabulary or a position past the context, in words', () => {
    const w = boldWeights(TINY, 25);
    const s = prepareStep(TINY, w);
    expect(() => stepOne(TINY, s, TINY.vocabSize, 0, null)).toThrow(RangeError);
    expect(() => stepOne(TINY, s, 1, TINY.contextLength, null)).toThrow(/context length/);
    disposeStep(s);
    tf.dispose(Object.values(w));
  });
});

describe('GELU as x·σ(2z)', () => {
  it('equals the tanh form ½x(1 + tanh z) within 1e-6', () => {
    const xs = Array.from({ length: 41 }, (_, i) => (i - 20) / 4);
    const got = tf.tidy(() => gelu(tf.tensor1d(xs)).arraySync() as number[]);
    xs.forEach((x, i) => expect(Math.abs(got[i] - plainGelu(x))).toBeLessThan(1e-6));
  });
});
