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
    weights(loaded)
      .flat()
      .forEach((v, i) => expect(Math.abs(v - weights(model).flat()[i])).toBeLessThanOrEqual(Math.abs(weights(model).flat()[i]) * 1e-3 + 1e-7));
    model.dispose();
    loaded.dispose();
  });

  it('encodes binary16 exactly for representable values and rounds to nearest', () => {
    expect(Array.from(toFloat16(Float32Array.from([0, -0, 1, -2, 0.5, 65504, 1e6, 2 ** -24, 1 + 2 ** -11])))).toEqual([
      0x0000, 0x8000, 0x3c00, 0xc000, 0x3800, 0x7bff, 0x7c00, 0x0001, 0x3c00,
    ]);
  });
});

describe('checkpoint files', () => {
  it('round-trip through model.json and weights.bin on disk', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { fromModelJson, modelJson } = await import('../../../src/lib/textgen/checkpoint');
    const model = buildModel(sizes, 6);
    const artifacts = quantizeFloat16(await toArtifacts(model));
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson(artifacts)));
    writeFileSync(join(dir, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer));
    const bytes = readFileSync(join(dir, 'weights.bin'));
    const back = fromModelJson(
      JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')),
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    );
    const loaded = await fromArtifacts(back);
    const half = await fromArtifacts(artifacts);
    expect(weights(loaded)).toEqual(weights(half));
    [model, loaded, half].forEach((m) => m.dispose());
  });
});
