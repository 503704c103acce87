import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVocab, encode } from '../../../src/lib/textgen/vocab';
import { makeWindows } from '../../../src/lib/textgen/windows';
import { transformerData, windowsAround } from '../../../src/lib/transformer/data';
import { TransformerStepper } from '../../../src/lib/transformer/stepper';
import { trainTransformer, validationLoss } from '../../../src/lib/transformer/train';
import { disposeWeights, initWeights } from '../../../src/lib/transformer/weights';
import { TINY, useCpu } from './tiny';

beforeAll(useCpu);
const text = '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n'.repeat(12);

function setup(seed = 1) {
  const { vocab } = buildVocab(text);
  const { ids } = encode(vocab, text);
  const config = { ...TINY, vocabSize: vocab.chars.length, contextLength: 12, dModel: 16, dFF: 32, dropout: 0 };
  const data = transformerData(ids, makeWindows(ids.length, 6, seed, 0.2, 2), 12);
  return { vocab, config, data, vars: initWeights(config, seed) };
}

describe('training windows around the LSTM’s validation split', () => {
  it('never read a held-out character, and cover every other stretch long enough for a window', () => {
    const held = makeWindows(2000, 40, 1);
    const starts = windowsAround(2000, 64, held);
    const read = new Set(starts.flatMap((s) => Array.from({ length: 65 }, (_, i) => s + i)));
    for (const v of held.val) for (let i = v; i <= v + 40; i++) expect(read.has(i)).toBe(false);
    expect(starts.every((s) => s + 65 <= 2000)).toBe(true);
    // The LSTM's training blocks are 321 characters: exactly five windows of 64 each.
    expect(starts.length).toBeGreaterThanOrEqual(Math.floor(held.train.length / 8) * 5);
  });
});

describe('training the Transformer', () => {
  it('lowers the validation loss and reports every batch and epoch', async () => {
    const { config, data, vars } = setup();
    const before = validationLoss(config, vars, data);
    const batches: number[] = [];
    const epochs: number[] = [];
    const outcome = await trainTransformer(
      config,
      vars,
      data,
      { epochs: 6, batchSize: 4, seed: 1, learningRate: 0.01 },
      { onBatchEnd: (_b, _n, loss) => void batches.push(loss), onEpochEnd: (_e, logs) => void epochs.push(logs.valLoss) },
    );
    expect(outcome).toBe('done');
    expect(epochs).toHaveLength(6);
    expect(batches.length).toBe(6 * Math.ceil(data.train.length / 4));
    expect(epochs.at(-1)!).toBeLessThan(before * 0.6);
    disposeWeights(vars);
  });

  it('stops when asked, keeping the weights of the last completed batch', async () => {
    const { config, data, vars } = setup();
    let seen = 0;
    const outcome = await trainTransformer(
      config,
      vars,
      data,
      { epochs: 3, batchSize: 2, seed: 1 },
      { onBatchEnd: () => void seen++, shouldStop: () => seen >= 2 },
    );
    expect(outcome).toBe('stopped');
    expect(seen).toBe(2);
    disposeWeights(vars);
  });

  it('stops with "diverged" and restores the last finite weights', async () => {
    const { config, data, vars } = setup();
    const outcome = await trainTransformer(config, vars, data, { epochs: 5, batchSize: 2, seed: 1, learningRate: 1e38, clipNorm: Infinity });
    expect(outcome).toBe('diverged');
    expect(Object.values(vars).every((v) => Array.from(v.dataSync()).every(Number.isFinite))).toBe(true);
    disposeWeights(vars);
  });

  it('is reproducible: the same seed trains to the same weights, with dropout on', async () => {
    const run = async () => {
      const { config, data, vars } = setup(3);
      await trainTransformer({ ...config, dropout: 0.1 }, vars, data, { epochs: 1, batchSize: 4, seed: 5 });
      const out = Array.from(vars['block0/attn/wq'].dataSync());
      disposeWeights(vars);
      return out;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('tensor memory', () => {
  it('stays flat over 1,000 generation steps (past the context length) and a training epoch', async () => {
    const { config, data, vars } = setup(2);
    const start = tf.memory().numTensors;
    await trainTransformer(config, vars, data, { epochs: 1, batchSize: 4, seed: 1 });
    expect(tf.memory().numTensors).toBe(start);
    const stepper = TransformerStepper.fromWeights(config, vars);
    const afterStepper = tf.memory().numTensors;
    stepper.step(1);
    const oneStep = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) stepper.step(i % config.vocabSize);
    expect(tf.memory().numTensors).toBe(oneStep);
    stepper.reset();
    expect(tf.memory().numTensors).toBe(afterStepper);
    stepper.dispose();
    disposeWeights(vars);
    expect(tf.memory().numTensors).toBe(start - Object.keys(vars).length);
  });
});
