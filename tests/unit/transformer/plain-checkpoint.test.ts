import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toArtifacts, transformerModelJson } from '../../../src/lib/transformer/checkpoint';
import { halfToNumber, plainFromModelJson } from '../../../src/lib/transformer/plain-checkpoint';
import { disposeWeights } from '../../../src/lib/transformer/weights';
import { boldWeights, TINY, useCpu } from './tiny';

beforeAll(useCpu);

/** float16 artifacts of `w`, as the shipped checkpoint is written. */
async function halfFiles(seed: number) {
  const w = boldWeights(TINY, seed);
  const art = await toArtifacts(TINY, w);
  const tensors = tf.io.decodeWeights(art.weightData!, art.weightSpecs!);
  const { data, specs } = await tf.io.encodeWeights(tensors);
  tf.dispose(Object.values(tensors));
  const half = specs.map((s) => ({ ...s, quantization: { dtype: 'float16' as const } }));
  // Re-encode as float16 the way tfjs-converter's quantization does: one uint16 per value.
  const f32 = new Float32Array(data as ArrayBuffer);
  const u16 = Uint16Array.from(f32, (x) => toHalf(x));
  disposeWeights(w);
  return { json: transformerModelJson({ ...art, weightSpecs: half }), bytes: u16.buffer, half };
}

function toHalf(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0];
  const sign = (u >>> 16) & 0x8000;
  const exp = ((u >>> 23) & 0xff) - 127 + 15;
  const mant = (u >>> 13) & 0x3ff;
  if (exp <= 0) return sign;
  if (exp >= 31) return sign | 0x7c00;
  return sign | (exp << 10) | mant;
}

describe('the checkpoint read without TF.js', () => {
  it('decodes float16 exactly as tf.io does', async () => {
    const { json, bytes, half } = await halfFiles(5);
    const { config, weights } = plainFromModelJson(json, bytes);
    expect(config).toEqual(TINY);
    const ref = tf.io.decodeWeights(bytes, half);
    for (const [name, t] of Object.entries(ref)) expect(weights[name]).toEqual(t.arraySync());
    tf.dispose(Object.values(ref));
  });

  it('reads the half-precision special values', () => {
    expect([halfToNumber(0x3c00), halfToNumber(0xc000), halfToNumber(0x0001), halfToNumber(0x7c00)]).toEqual([1, -2, 2 ** -24, Infinity]);
  });

  it('says what is wrong with a damaged checkpoint', async () => {
    const { json, bytes } = await halfFiles(6);
    expect(() => plainFromModelJson(json, bytes.slice(0, 100))).toThrow('不完整');
    expect(() => plainFromModelJson({ ...json, modelTopology: {} }, bytes)).toThrow('配置');
  });
});
