/**
 * The transpose-first BatchMatMul on the WebAssembly backend: same products as the CPU backend
 * for every transpose combination, no backend memory left behind, and the original kernel back
 * on request.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, disposeModel } from '../../../src/lib/textgen/model';
import { fusedLoss } from '../../../src/lib/textgen/step';
import { registerWasmKernels } from '../../../src/lib/textgen/wasm-kernels';
import { registerWasmMatMul, unregisterWasmMatMul } from '../../../src/lib/textgen/wasm-matmul';
import { relErr } from '../nn/tf';
import { useCpu } from './tf';

setWasmPaths(fileURLToPath(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
  registerWasmKernels();
  registerWasmMatMul();
});
afterAll(async () => {
  unregisterWasmMatMul();
  await useCpu();
});

/** Runs `f` on `backend` with seeded inputs of the given shapes; returns the values. */
async function on(backend: string, shapes: number[][], f: (...xs: tf.Tensor[]) => tf.Tensor): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => f(...shapes.map((s, i) => tf.randomUniform(s, -1, 1, 'float32', 10 + i))).dataSync() as Float32Array);
}

const cases: [string, number[], number[], boolean, boolean][] = [
  ['A·B', [5, 7], [7, 3], false, false],
  ['A·Bᵀ', [5, 7], [3, 7], false, true],
  ['Aᵀ·B', [7, 5], [7, 3], true, false],
  ['Aᵀ·Bᵀ', [7, 5], [3, 7], true, true],
  ['a batch of one, Aᵀ·B', [1, 7, 5], [1, 7, 3], true, false],
  ['a batch of two (original kernel), A·Bᵀ', [2, 5, 7], [2, 3, 7], false, true],
];

describe('BatchMatMul on wasm, transposed operands first', () => {
  it.each(cases)('%s equals the CPU backend', async (_name, a, b, ta, tb) => {
    const product = (x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y, ta, tb);
    const cpu = await on('cpu', [a, b], product);
    const wasm = await on('wasm', [a, b], product);
    expect(relErr(wasm, cpu)).toBeLessThan(1e-6);
  });

  it('frees its transposed copies', async () => {
    await tf.setBackend('wasm');
    const [a, b] = [tf.ones([4, 6]), tf.ones([5, 4])];
    tf.matMul(a, b, true, true).dispose(); // warm-up
    const before = tf.engine().backend.numDataIds();
    for (let i = 0; i < 3; i++) tf.matMul(a, b, true, true).dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before);
    tf.dispose([a, b]);
  });

  it('gives the fused training loss the gradients the CPU backend gives', async () => {
    const sizes = { vocabSize: 9, embeddingSize: 3, units: 5 };
    const grads = async (backend: string) => {
      await tf.setBackend(backend);
      const model = buildModel(sizes, 2);
      const result = tf.tidy(() => {
        const x = tf.tensor2d(
          [
            [1, 4, 8, 0],
            [2, 2, 7, 5],
          ],
          undefined,
          'int32',
        );
        const targets = tf.tensor1d([4, 8, 0, 3, 2, 7, 5, 6], 'int32');
        const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
        const { grads: g } = tf.variableGrads(() => fusedLoss(model, x, targets), vars);
        return vars.map((v) => Array.from(g[v.name].dataSync()));
      });
      disposeModel(model);
      return result;
    };
    const cpu = await grads('cpu');
    const wasm = await grads('wasm');
    wasm.forEach((g, i) => expect(relErr(g, cpu[i])).toBeLessThan(1e-5));
  });

  it('puts the original kernel back, and registers once however often called', () => {
    const original = () => tf.getKernel('BatchMatMul', 'wasm');
    unregisterWasmMatMul();
    const stock = original();
    registerWasmMatMul();
    const wrapped = original();
    registerWasmMatMul();
    expect(wrapped).not.toBe(stock);
    expect(original()).toBe(wrapped);
    unregisterWasmMatMul();
    expect(original()).toBe(stock);
    registerWasmMatMul();
  });
});
