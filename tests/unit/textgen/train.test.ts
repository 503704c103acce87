import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/lib/nn/prng';
import { generate } from '../../../src/lib/textgen/generate';
import { buildModel, disposeModel } from '../../../src/lib/textgen/model';
import { CharStepper } from '../../../src/lib/textgen/stepper';
import { train, validationLoss } from '../../../src/lib/textgen/train';
import { buildVocab, encode } from '../../../src/lib/textgen/vocab';
import { makeWindows } from '../../../src/lib/textgen/windows';
import { useCpu } from './tf';

beforeAll(useCpu);
const text = '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n'.repeat(12);

function setup(seed = 1) {
  const { vocab } = buildVocab(text);
  const { ids } = encode(vocab, text);
  const data = { ids, split: makeWindows(ids.length, 12, seed, 0.1, 2) };
  const model = buildModel({ vocabSize: vocab.chars.length, embeddingSize: 8, units: 16 }, seed, 0.02);
  return { vocab, data, model };
}

describe('training on a tiny corpus', () => {
  it('lowers the validation loss and reports every batch and epoch', async () => {
    const { data, model } = setup();
    const before = validationLoss(model, data);
    const batches: number[] = [];
    const epochs: number[] = [];
    const outcome = await train(
      model,
      data,
      { epochs: 4, batchSize: 8, seed: 1 },
      {
        onBatchEnd: (_b, _n, loss) => void batches.push(loss),
        onEpochEnd: (_e, logs) => void epochs.push(logs.valLoss),
      },
    );
    expect(outcome).toBe('done');
    expect(epochs).toHaveLength(4);
    expect(batches.length).toBeGreaterThanOrEqual(4);
    expect(epochs.at(-1)!).toBeLessThan(before * 0.8);
    disposeModel(model);
  });

  it('stops when asked, keeping the weights of the last completed batch', async () => {
    const { data, model } = setup();
    let seen = 0;
    const outcome = await train(model, data, { epochs: 3, batchSize: 4, seed: 1 }, { onBatchEnd: () => void seen++, shouldStop: () => seen >= 2 });
    expect(outcome).toBe('stopped');
    expect(seen).toBe(2);
    expect(model.getWeights().every((w) => Array.from(w.dataSync()).every(Number.isFinite))).toBe(true);
    disposeModel(model);
  });

  it('leaks no tensors across train, generate and dispose cycles', async () => {
    const start = tf.memory().numTensors;
    for (let cycle = 0; cycle < 2; cycle++) {
      const { vocab, data, model } = setup(cycle + 1);
      await train(model, data, { epochs: 1, batchSize: 8, seed: 1 });
      const stepper = CharStepper.fromModel(model);
      await generate(stepper, vocab, { prompt: '春眠', length: 10, temperature: 0.8, seed: 3 });
      stepper.dispose();
      disposeModel(model);
    }
    expect(tf.memory().numTensors).toBe(start);
  });

  it('generates deterministically at temperature 0 and learns the poem', async () => {
    const { vocab, data, model } = setup();
    await train(model, data, { epochs: 25, batchSize: 8, seed: 1 });
    const stepper = CharStepper.fromModel(model);
    const run = () => generate(stepper, vocab, { prompt: '春眠不觉', length: 8, temperature: 0, seed: mulberry32(1)() });
    const a = await run();
    expect((await run()).text).toBe(a.text);
    expect(a.text.startsWith('晓，处处')).toBe(true);
    stepper.dispose();
    disposeModel(model);
  });
});

describe('generation', () => {
  it('never writes <unk>, even when the model puts most of its probability there', async () => {
    const { vocab, model } = setup();
    const bias = model.getLayer('dense').getWeights()[1];
    const boosted = tf.tidy(() =>
      tf.add(
        bias,
        tf
          .oneHot(tf.tensor1d([0], 'int32'), bias.shape[0])
          .reshape([-1])
          .mul(50),
      ),
    );
    model.getLayer('dense').setWeights([model.getLayer('dense').getWeights()[0], boosted]);
    const stepper = CharStepper.fromModel(model);
    for (const temperature of [0, 1]) {
      const { text } = await generate(stepper, vocab, { prompt: '春', length: 20, temperature, seed: 2 });
      expect(text).not.toContain('\uFFFD');
    }
    tf.dispose(boosted);
    stepper.dispose();
    disposeModel(model);
  });
});

describe('a diverging run', () => {
  it('stops with "diverged" and keeps the last finite weights', async () => {
    const { data, model } = setup();
    // A learning rate this large overflows the weights within a few steps.
    const { compile } = await import('../../../src/lib/textgen/model');
    compile(model, 1e38);
    const outcome = await train(model, data, { epochs: 5, batchSize: 4, seed: 1 });
    expect(outcome).toBe('diverged');
    expect(model.getWeights().every((w) => Array.from(w.dataSync()).every(Number.isFinite))).toBe(true);
    disposeModel(model);
  });
});
