/**
 * The WebAssembly backend lacks UnsortedSegmentSum, which Embedding's gradient needs. With our
 * kernel registered, the same model gives the same outputs and gradients on wasm as on CPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel, disposeModel } from '../../../src/lib/textgen/model';
import { registerWasmKernels, segmentSum } from '../../../src/lib/textgen/wasm-kernels';
import { useCpu } from './tf';

setWasmPaths(fileURLToPath(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
afterAll(useCpu);

const sizes = { vocabSize: 13, embeddingSize: 4, units: 6 };
const ids = [
  [3, 1, 3, 12, 0],
  [7, 7, 2, 5, 3],
];
const targets = [
  [1, 3, 12, 0, 4],
  [7, 2, 5, 3, 9],
];

/** Cross-entropy of the model on the fixed batch, and its gradient for every weight. */
async function outputsAndGrads(backend: string) {
  await tf.setBackend(backend);
  const model = buildModel(sizes, 5);
  const result = tf.tidy(() => {
    const x = tf.tensor2d(ids, undefined, 'int32');
    const y = tf.oneHot(tf.tensor2d(targets, undefined, 'int32'), sizes.vocabSize);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => tf.mean(tf.neg(tf.sum(tf.mul(y, tf.log(model.apply(x) as tf.Tensor)), -1))) as tf.Scalar, vars);
    return {
      out: Array.from((model.predict(x) as tf.Tensor).dataSync()),
      loss: value.dataSync()[0],
      grads: vars.map((v) => Array.from(grads[v.name].dataSync())),
    };
  });
  disposeModel(model);
  return result;
}

describe('UnsortedSegmentSum on the WebAssembly backend', () => {
  it('sums rows by segment id, dropping ids out of range', () => {
    expect(Array.from(segmentSum([1, 2, 3, 4, 5, 6], [1, -1, 1], 2, 2))).toEqual([0, 0, 6, 8]);
  });

  it('gives the model the same outputs and gradients on wasm as on CPU', async () => {
    await tf.ready();
    const cpu = await outputsAndGrads('cpu');
    expect(await tf.setBackend('wasm')).toBe(true);
    await expect(outputsAndGrads('wasm')).rejects.toThrow(/UnsortedSegmentSum/);
    registerWasmKernels();
    const wasm = await outputsAndGrads('wasm');
    expect(wasm.loss).toBeCloseTo(cpu.loss, 5);
    wasm.out.forEach((v, i) => expect(v).toBeCloseTo(cpu.out[i], 5));
    expect(wasm.grads.map((g) => g.length)).toEqual(cpu.grads.map((g) => g.length));
    wasm.grads.flat().forEach((g, i) => expect(Math.abs(g - cpu.grads.flat()[i])).toBeLessThan(1e-5));
    // The embedding's gradient is non-zero exactly in the rows of ids that occur.
    const rowsUsed = new Set(ids.flat());
    const embGrad = wasm.grads[0];
    for (let r = 0; r < sizes.vocabSize; r++) {
      const row = embGrad.slice(r * 4, r * 4 + 4);
      expect(row.some((v) => v !== 0)).toBe(rowsUsed.has(r));
    }
  });
});
