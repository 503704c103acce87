import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromArtifacts, quantizeFloat16, toArtifacts, toFloat16 } from '../../../src/lib/textgen/io';
import { buildModel } from '../../../src/lib/textgen/model';
import { useCpu } from './tf';

beforeAll(useCpu);
const sizes = { vocabSize: 9, embeddingSize: 3, units: 5 };
const weights = (m: tf.io.ModelArtifacts | { getWeights(): tf.Tensor[] }) => ('getWeights' in m ? m.getWeights().map((w) => Array.from(w.dataSync())) : []);

describe('saving and loading', () => {
  it('round-trips a model through tf.io artifacts exactly', async () => {
    const model = buildModel(sizes, 4);
    const loaded = await fromArtifacts(await toArtifacts(model));
    expect(weights(loaded)).toEqual(weights(model));
    model.dispose();
    loaded.dispose();
  });

  it('stores float16 weights at half the size and loads them within float16 precision', async () => {
    const model = buildModel(sizes, 4);
    const full = await toArtifacts(model);
    const half = quantizeFloat16(full);
    expect((half.weightData as ArrayBuffer).byteLength).toBe((full.weightData as ArrayBuffer).byteLength / 2);
    const loaded = await fromArtifacts(half);
    weights(loaded).flat().forEach((v, i) => expect(Math.abs(v - weights(model).flat()[i])).toBeLessThanOrEqual(Math.abs(weights(model).flat()[i]) * 1e-3 + 1e-7));
    model.dispose();
    loaded.dispose();
  });

  it('encodes binary16 exactly for representable values and rounds to nearest', () => {
    expect(Array.from(toFloat16(Float32Array.from([0, -0, 1, -2, 0.5, 65504, 1e6, 2 ** -24, 1 + 2 ** -11])))).toEqual([
      0x0000, 0x8000, 0x3c00, 0xc000, 0x3800, 0x7bff, 0x7c00, 0x0001, 0x3c00,
    ]);
  });
});
