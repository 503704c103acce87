import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, kerasParamCounts, sizesOf } from '../../../src/lib/textgen/model';
import { CharStepper } from '../../../src/lib/textgen/stepper';
import { useCpu } from './tf';

beforeAll(useCpu);
const sizes = { vocabSize: 11, embeddingSize: 4, units: 6 };

describe('the §5.2 model', () => {
  it('has the parameter counts Keras reports for the same sizes', () => {
    const model = buildModel(sizes, 1);
    const counts = kerasParamCounts(sizes);
    expect(model.getLayer('embedding').countParams()).toBe(counts.embedding);
    expect(model.getLayer('lstm').countParams()).toBe(counts.lstm);
    expect(model.getLayer('dense').countParams()).toBe(counts.dense);
    // The article's sizes: 3,000 characters, 64-wide embedding, LSTM(128).
    expect(kerasParamCounts({ vocabSize: 3000, embeddingSize: 64, units: 128 })).toEqual({ embedding: 192_000, lstm: 98_816, dense: 387_000 });
    expect(sizesOf(model)).toEqual(sizes);
    model.dispose();
  });

  it('is fully determined by its seed', () => {
    const [a, b, c] = [1, 1, 2].map((seed) => buildModel(sizes, seed));
    const flat = (m: typeof a) => m.getWeights().flatMap((w) => Array.from(w.dataSync()));
    expect(flat(a)).toEqual(flat(b));
    expect(flat(a)).not.toEqual(flat(c));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('steps character by character to the same distributions as the whole-sequence model', () => {
    const model = buildModel(sizes, 3);
    const ids = [1, 5, 2, 9, 0, 7];
    const whole = tf.tidy(() => (model.predict(tf.tensor2d([ids], [1, ids.length], 'int32')) as tf.Tensor).arraySync() as number[][][]);
    const stepper = CharStepper.fromModel(model);
    ids.forEach((id, t) => {
      const p = stepper.step(id);
      p.forEach((v, k) => expect(v).toBeCloseTo(whole[0][t][k], 5));
    });
    stepper.dispose();
    model.dispose();
  });
});
