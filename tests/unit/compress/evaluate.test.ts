import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lstmLogits, scoreChunk, toPlain, toTensors } from '../../../src/lib/compress/evaluate';
import { lstmShapes } from '../../../src/lib/compress/shapes';
import { fromArtifacts as lstmFromArtifacts } from '../../../src/lib/textgen/io';
import { CharStepper } from '../../../src/lib/textgen/stepper';
import { fromArtifacts } from '../../../src/lib/transformer/checkpoint';
import { transformerData } from '../../../src/lib/transformer/data';
import { validationLoss } from '../../../src/lib/transformer/train';
import { disposeWeights } from '../../../src/lib/transformer/weights';
import { gatherBatch } from '../../../src/lib/textgen/windows';
import { gaussian, mulberry32 } from '../../../src/lib/nn/prng';
import { useCpu } from '../nn/tf';
import { artifactsOf } from './checkpoints';
import { poetryData } from './data';

beforeAll(useCpu);
const WINDOWS = 4;

function tinyLstm(seed: number): tf.NamedTensorMap {
  const rng = mulberry32(seed);
  const [V, E, U] = [9, 5, 6];
  const shapes = lstmShapes({ vocabSize: V, embeddingSize: E, units: U });
  return Object.fromEntries(
    shapes.map(([n, s]) => [
      n,
      tf.tensor(
        Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => 0.7 * gaussian(rng)),
        [...s],
      ),
    ]),
  );
}

describe('scoring held-out windows', () => {
  it('runs the LSTM over a batch as the one-character stepper does, position by position', () => {
    const w = tinyLstm(3);
    const rows = [
      [1, 4, 2, 8, 0, 3],
      [5, 5, 6, 7, 1, 2],
    ];
    const probs = tf.tidy(() => tf.softmax(lstmLogits(w, tf.tensor2d(rows, undefined, 'int32'))).arraySync() as number[][]);
    const stepper = new CharStepper(toTensors(toPlain(w)));
    rows.forEach((row, r) => {
      stepper.reset();
      row.forEach((id, t) => {
        const p = stepper.step(id);
        p.forEach((x, v) => expect(probs[r * row.length + t][v]).toBeCloseTo(x, 5));
      });
    });
    stepper.dispose();
    tf.dispose(Object.values(w));
  });

  it("gives the shipped LSTM the cross-entropy of the layers model's own probabilities on the same validation windows", async () => {
    const { ids, split } = poetryData();
    const model = await lstmFromArtifacts(artifactsOf('poetry'));
    const { x, y } = gatherBatch(ids, split.val.slice(0, WINDOWS), split.len);
    const p = tf.tidy(() => tf.reshape(model.predict(tf.tensor2d(x, [WINDOWS, split.len], 'int32')) as tf.Tensor, [-1, 3000]).arraySync() as number[][]);
    // The exact mean −ln p (textgen/train.ts validationLoss clamps p at 1e-7, which some held-out characters fall below).
    const exact = -p.reduce((s, row, i) => s + Math.log(row[y[i]]), 0) / y.length;
    model.dispose();
    const a = artifactsOf('poetry');
    const w = tf.io.decodeWeights(a.weightData!, a.weightSpecs!);
    const s = scoreChunk({ kind: 'lstm' }, w, ids, split.val.slice(0, WINDOWS), split.len);
    tf.dispose(Object.values(w));
    expect(s.count).toBe(WINDOWS * split.len);
    expect(s.nll / s.count).toBeCloseTo(exact, 4);
  });

  it('gives the shipped Transformer the cross-entropy its training code gives it on the same windows', () => {
    const { ids, split } = poetryData();
    const { config, weights } = fromArtifacts(artifactsOf('transformer'));
    const expected = validationLoss(config, weights, transformerData(ids, split, config.contextLength), WINDOWS);
    const s = scoreChunk({ kind: 'gpt', config }, weights, ids, split.val.slice(0, WINDOWS), split.len);
    disposeWeights(weights);
    expect(s.nll / s.count).toBeCloseTo(expected, 4);
  });

  it('returns the argmax of each position as its top-1 guess, and frees every tensor it makes', () => {
    const w = tinyLstm(5);
    const ids = Int32Array.from([1, 4, 2, 8, 0, 3, 5, 5, 6]);
    const before = tf.memory().numTensors;
    const s = scoreChunk({ kind: 'lstm' }, w, ids, [0, 4], 4);
    expect(tf.memory().numTensors).toBe(before);
    const logits = tf.tidy(
      () =>
        lstmLogits(
          w,
          tf.tensor2d(
            [
              [1, 4, 2, 8],
              [0, 3, 5, 5],
            ],
            undefined,
            'int32',
          ),
        ).arraySync() as number[][],
    );
    expect(Array.from(s.top1)).toEqual(logits.map((row) => row.indexOf(Math.max(...row))));
    tf.dispose(Object.values(w));
  });
});
