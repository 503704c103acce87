/**
 * The steppers' stepTempered (tempered.ts): what sampling draws from, computed by the backend,
 * equals the formula on the model's own p (sample.ts reshape, <unk> set to 0), and stays a
 * distribution at temperatures so small that a likely <unk> would otherwise take all the mass.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/lib/textgen/model';
import { reshape } from '../../../src/lib/textgen/sample';
import { CharStepper } from '../../../src/lib/textgen/stepper';
import { TransformerStepper } from '../../../src/lib/transformer/stepper';
import { disposeWeights } from '../../../src/lib/transformer/weights';
import { boldWeights, TINY } from '../transformer/tiny';
import { useCpu } from './tf';

beforeAll(useCpu);
const sizes = { vocabSize: 11, embeddingSize: 4, units: 6 };
const ids = [1, 5, 2, 9, 0, 7];

/** p with <unk> set to 0. */
const known = (p: Float32Array) => Float32Array.from(p, (v, i) => (i === 0 ? 0 : v));

/** Two steppers of one model, fed the same ids: the tempered distribution against the formula on p. */
function expectFormula(make: () => { step(id: number): Float32Array; stepTempered(id: number, t: number): Float32Array; dispose(): void }) {
  for (const t of [0.3, 0.8, 1, 2]) {
    const [a, b] = [make(), make()];
    for (const id of ids) {
      const q = a.stepTempered(id, t);
      const want = reshape(known(b.step(id)), t);
      expect(q[0]).toBe(0);
      q.forEach((v, k) => expect(v, `T ${t}, id ${k}`).toBeCloseTo(want[k], 5));
    }
    a.dispose();
    b.dispose();
  }
}

describe('stepTempered', () => {
  it('gives the LSTM’s known characters p^(1/T), normalised, at any temperature', () => {
    const model = buildModel(sizes, 3);
    expectFormula(() => CharStepper.fromModel(model));
    model.dispose();
  });

  it('gives the Transformer’s known characters p^(1/T), normalised, at any temperature', () => {
    const w = boldWeights(TINY, 5);
    expectFormula(() => TransformerStepper.fromWeights(TINY, w));
    disposeWeights(w);
  });

  it('stays a distribution over the known characters when <unk> is far the likeliest and T is tiny', () => {
    const model = buildModel(sizes, 3);
    const dense = model.getLayer('dense');
    const [kernel, bias] = dense.getWeights();
    // <unk>'s logit 40 above the rest: at T = 0.002, zeroing it after the softmax would leave 0 everywhere.
    dense.setWeights([kernel, tf.tidy(() => tf.add(bias, tf.oneHot(0, sizes.vocabSize).mul(40)))]);
    const [a, b] = [CharStepper.fromModel(model), CharStepper.fromModel(model)];
    for (const id of ids) {
      const q = a.stepTempered(id, 0.002);
      const p = known(b.step(id));
      expect(q.every(Number.isFinite)).toBe(true);
      expect(q.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      expect(q.indexOf(Math.max(...q))).toBe(p.indexOf(Math.max(...p)));
    }
    [a, b].forEach((s) => s.dispose());
    model.dispose();
  });

  it('leaves no tensor behind, step after step, nor after a change of temperature and dispose', () => {
    const model = buildModel(sizes, 3);
    const start = tf.memory().numTensors;
    const stepper = CharStepper.fromModel(model);
    stepper.stepTempered(1, 0.8);
    const before = tf.memory().numTensors;
    for (const id of ids) stepper.stepTempered(id, 0.8);
    expect(tf.memory().numTensors).toBe(before);
    for (const t of [0.5, 1, 2]) stepper.stepTempered(1, t);
    stepper.dispose();
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });
});
