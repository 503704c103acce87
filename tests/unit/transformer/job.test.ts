/**
 * The Transformer training worker's job (lib/transformer/job.ts), run in Node exactly as the
 * worker runs it, on a tiny config: messages in order, pause/stop through a TrainControl, the
 * trained weights back as artifacts, and every tensor freed (tf.memory() flat over repeated runs).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainControl } from '../../../src/lib/textgen/control';
import type { FromWorker, StartTraining } from '../../../src/lib/textgen/protocol';
import { fromArtifacts, toArtifacts } from '../../../src/lib/transformer/checkpoint';
import { runGptJob } from '../../../src/lib/transformer/job';
import { disposeWeights, initWeights } from '../../../src/lib/transformer/weights';
import { TINY, useCpu } from './tiny';

beforeAll(useCpu);

const VOCAB = ['<unk>', '春', '眠', '不', '觉', '晓', '，', '处', '闻', '啼', '鸟'];
const TEXT = '春眠不觉晓，处处闻啼鸟，'.repeat(60);
const config = { ...TINY, vocabSize: VOCAB.length, contextLength: 48, dropout: 0 };

async function job(over: Partial<StartTraining> = {}): Promise<StartTraining> {
  const w = initWeights(config, 5);
  const artifacts = await toArtifacts(config, w);
  disposeWeights(w);
  return { type: 'start', model: 'transformer', text: TEXT, vocab: VOCAB, artifacts, epochs: 2, batchSize: 16, seed: 3, firstEpoch: 0, ...over };
}

async function run(j: StartTraining, control = new TrainControl(), onMessage?: (m: FromWorker) => void): Promise<FromWorker[]> {
  const messages: FromWorker[] = [];
  await runGptJob(j, (m) => (messages.push(m), onMessage?.(m)), control);
  return messages;
}

describe('the Transformer training job', () => {
  it('reports the starting validation loss, every batch and epoch, and ends with trained weights that lower it', async () => {
    const messages = await run(await job());
    const types = messages.map((m) => m.type);
    expect(types[0]).toBe('baseline');
    expect(types.at(-1)).toBe('done');
    const epochs = messages.filter((m) => m.type === 'epoch');
    expect(epochs.map((m) => m.epoch)).toEqual([0, 1]);
    const baseline = messages[0].type === 'baseline' ? messages[0].valLoss : NaN;
    const last = epochs.at(-1)!;
    expect(last.valLoss).toBeLessThan(baseline);
    expect([...last.sample].every((c) => VOCAB.includes(c) || c === '\n' || c === '\uFFFD')).toBe(true);
    const done = messages.at(-1)!;
    if (done.type !== 'done') throw new Error('no done');
    expect(done.reason).toBe('done');
    expect(done.epochsDone).toBe(2);
    const back = fromArtifacts(done.artifacts);
    expect(back.config).toEqual(config);
    disposeWeights(back.weights);
  });

  it('frees every tensor it makes: tf.memory() is the same after each of three runs, and the done message says so', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const j = await job({ epochs: 1, seed: i + 1 });
      const before = tf.memory().numTensors;
      const messages = await run(j);
      const done = messages.at(-1)!;
      expect(done.type === 'done' && done.tensors).toBe(before);
      counts.push(tf.memory().numTensors - before);
    }
    expect(counts).toEqual([0, 0, 0]);
  });

  it('trains from a seeded initialisation when no weights are given (TANG_GPT over the given vocabulary)', async () => {
    const j = await job({ artifacts: undefined, epochs: 1, batchSize: 64 });
    const before = tf.memory().numTensors;
    const done = (await run(j)).at(-1)!;
    if (done.type !== 'done') throw new Error('no done');
    const back = fromArtifacts(done.artifacts);
    expect(back.config.vocabSize).toBe(VOCAB.length);
    expect(back.config.contextLength).toBe(64);
    disposeWeights(back.weights);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses after the batch under way, goes on when resumed, and stops keeping the weights so far', async () => {
    const control = new TrainControl();
    control.pause();
    let batches = 0;
    let pausedAt = -1;
    const resumed = run(await job({ epochs: 3, batchSize: 1 }), control, (m) => {
      if (m.type === 'batch') batches++;
      if (m.type === 'paused' && pausedAt < 0) {
        pausedAt = batches;
        // Nothing runs while paused: let the event loop turn, then check, then resume.
        setTimeout(() => {
          expect(batches).toBe(pausedAt);
          control.resume();
        }, 0);
      }
      if (m.type === 'batch' && batches === 3) control.stop();
    });
    const messages = await resumed;
    expect(pausedAt).toBe(1);
    const done = messages.at(-1)!;
    expect(done.type === 'done' && done.reason).toBe('stopped');
    expect(batches).toBe(3);
    expect(messages.some((m) => m.type === 'epoch')).toBe(false);
  });

  it('refuses a job for the LSTM and weights whose vocabulary does not match, freeing what it loaded', async () => {
    const before = tf.memory().numTensors;
    await expect(run(await job({ model: 'lstm' }))).rejects.toThrow('只训练 Transformer');
    await expect(run(await job({ vocab: VOCAB.slice(0, 5) }))).rejects.toThrow('字符表');
    expect(tf.memory().numTensors).toBe(before);
  });
});
