import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, expect, it } from 'vitest';
import { checkAgainstForward, handSteps } from '../../../src/lib/transformer/hand';
import { toPlain } from '../../../src/lib/transformer/reference';
import { disposeWeights } from '../../../src/lib/transformer/weights';
import { boldWeights, someIds, TINY, useCpu } from './tiny';

beforeAll(useCpu);

it('the stepper’s check against the forward pass leaves the tensor count flat over 200 inputs, layers and heads', () => {
  const w = boldWeights(TINY, 9);
  const plain = toPlain(w);
  const before = tf.memory().numTensors;
  for (let i = 0; i < 200; i++) {
    const steps = handSteps(TINY, plain, someIds(1 + (i % 8)), i % TINY.layers, i % TINY.heads);
    expect(checkAgainstForward(TINY, w, steps)).toBeLessThan(1e-5);
  }
  expect(tf.memory().numTensors).toBe(before);
  disposeWeights(w);
});
