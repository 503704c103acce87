/**
 * The fused training step (logits + one softmax cross-entropy with a hand-written gradient)
 * against the layers API's trainOnBatch path it replaces, on a tiny model on the CPU backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, disposeModel } from '../../../src/lib/textgen/model';
import { fusedLoss, fusedStep, sparseSoftmaxCrossEntropy } from '../../../src/lib/textgen/step';
import { relErr } from '../nn/tf';
import { useCpu } from './tf';

beforeAll(useCpu);

const sizes = { vocabSize: 11, embeddingSize: 4, units: 6 };
const ids = [
  [3, 1, 3, 10, 0, 2],
  [7, 7, 2, 5, 3, 9],
  [4, 8, 6, 1, 1, 0],
];
const next = [
  [1, 3, 10, 0, 4, 6],
  [7, 2, 5, 3, 9, 8],
  [8, 6, 1, 1, 0, 5],
];
const batch = () => ({
  x: tf.tensor2d(ids, undefined, 'int32'),
  targets: tf.tensor1d(next.flat(), 'int32'),
  y: tf.tensor3d(next.map((r) => r.map((t) => [t]))),
});

describe('the fused softmax cross-entropy', () => {
  it('has the gradient (softmax − onehot) / N', () => {
    const logits = tf.tensor2d([
      [2, -1, 0.5, 3],
      [0, 0, 0, 0],
      [-4, 6, 1, 2],
    ]);
    const targets = tf.tensor1d([3, 0, 2], 'int32');
    const grad = tf.grad((z: tf.Tensor) => sparseSoftmaxCrossEntropy(z as tf.Tensor2D, targets))(logits);
    const expected = tf.div(tf.sub(tf.softmax(logits), tf.oneHot(targets, 4)), 3);
    expect(relErr(grad.dataSync(), expected.dataSync())).toBeLessThan(1e-6);
    tf.dispose([logits, targets, grad, expected]);
  });
});

describe('the fused step against trainOnBatch', () => {
  it('computes the same loss and the same gradient for every weight (relative error < 1e-5)', () => {
    const model = buildModel(sizes, 5);
    const { x, targets, y } = batch();
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    // What trainOnBatch minimises: the compiled loss (tfjs-layers' sparse cross-entropy on the
    // softmax output), averaged. A Sequential keeps its compiled functions on an inner model.
    const [compiled] = (model as unknown as { model: tfl.LayersModel }).model.lossFunctions;
    const old = tf.variableGrads(() => tf.mean(compiled(y, model.apply(x) as tf.Tensor)) as tf.Scalar, vars);
    const fused = tf.variableGrads(() => fusedLoss(model, x, targets), vars);
    expect(Math.abs(fused.value.dataSync()[0] - old.value.dataSync()[0])).toBeLessThan(1e-5);
    for (const v of vars) expect(relErr(fused.grads[v.name].dataSync(), old.grads[v.name].dataSync()), v.name).toBeLessThan(1e-5);
    tf.dispose([x, targets, y, old.value, fused.value, ...Object.values(old.grads), ...Object.values(fused.grads)]);
    disposeModel(model);
  });

  it('reports the loss trainOnBatch reports and leaves the same weights after a step', async () => {
    const [a, b] = [buildModel(sizes, 5), buildModel(sizes, 5)];
    const { x, targets, y } = batch();
    for (let step = 0; step < 3; step++) {
      const expected = Number(await a.trainOnBatch(x, y));
      expect(Math.abs((await fusedStep(b, x, targets)) - expected)).toBeLessThan(1e-5);
    }
    a.getWeights().forEach((w, i) => expect(relErr(b.getWeights()[i].dataSync(), w.dataSync())).toBeLessThan(1e-4));
    tf.dispose([x, targets, y]);
    disposeModel(a);
    disposeModel(b);
  });

  it('leaves the tensor count flat', async () => {
    const model = buildModel(sizes, 5);
    const { x, targets, y } = batch();
    await fusedStep(model, x, targets); // creates Adam's moments once
    const start = tf.memory().numTensors;
    for (let step = 0; step < 3; step++) await fusedStep(model, x, targets);
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose([x, targets, y]);
    disposeModel(model);
  });
});
