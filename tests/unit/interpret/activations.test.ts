import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPlain, toTensors } from '../../../src/lib/compress/evaluate';
import { embedLstm, lstmActivations, lstmLastLogits, lstmWeights, unitCount } from '../../../src/lib/interpret/lstm';
import { CharStepper } from '../../../src/lib/textgen/stepper';
import { useCpu } from '../nn/tf';
import { tinyLstm } from './tiny';

beforeAll(useCpu);

describe('LSTM hidden-unit activations', () => {
  it('are [T][units], each within (−1, 1)', () => {
    const w = tinyLstm(2);
    const acts = lstmActivations(lstmWeights(w), [1, 4, 2, 8, 0]);
    expect(acts).toHaveLength(5);
    acts.forEach((row) => {
      expect(row).toHaveLength(unitCount(lstmWeights(w)));
      row.forEach((v) => expect(Math.abs(v)).toBeLessThan(1));
    });
    expect(lstmActivations(lstmWeights(w), [])).toEqual([]);
    tf.dispose(Object.values(w));
  });

  it("give, after the last character, the stepper's next-character distribution", () => {
    const w = tinyLstm(9);
    const lw = lstmWeights(w);
    const ids = [3, 1, 4, 1, 5];
    const stepper = new CharStepper(toTensors(toPlain(w)));
    ids.forEach((id, t) => {
      const p = stepper.step(id);
      const mine = tf.tidy(() => tf.softmax(lstmLastLogits(lw, embedLstm(lw, ids.slice(0, t + 1)))).arraySync());
      p.forEach((x, v) => expect(mine[v]).toBeCloseTo(x, 5));
    });
    stepper.dispose();
    tf.dispose(Object.values(w));
  });

  it('name a missing weight', () => {
    const w = tinyLstm(1);
    const { ['lstm/bias']: gone, ...rest } = w;
    expect(() => lstmWeights(rest)).toThrow('lstm/bias');
    tf.dispose([gone, ...Object.values(rest)]);
  });

  it('free every tensor they make', () => {
    const w = tinyLstm(1);
    const before = tf.memory().numTensors;
    lstmActivations(lstmWeights(w), [1, 2, 3, 4]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(w));
  });
});
