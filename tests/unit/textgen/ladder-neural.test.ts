import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { windowTargets } from '../../../src/lib/textgen/ladder';
import { lstmLogProbs, transformerLogProbs } from '../../../src/lib/textgen/ladder-neural';
import { buildModel, disposeModel } from '../../../src/lib/textgen/model';
import { validationLoss as lstmValidationLoss } from '../../../src/lib/textgen/train';
import { buildVocab, encode } from '../../../src/lib/textgen/vocab';
import { makeWindows } from '../../../src/lib/textgen/windows';
import { forward } from '../../../src/lib/transformer/forward';
import { transformerData } from '../../../src/lib/transformer/data';
import { validationLoss as transformerValidationLoss } from '../../../src/lib/transformer/train';
import { disposeWeights } from '../../../src/lib/transformer/weights';
import { boldWeights, TINY, useCpu } from '../transformer/tiny';

beforeAll(useCpu);
const text = '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n'.repeat(12);
const { vocab } = buildVocab(text);
const { ids } = encode(vocab, text);
const split = makeWindows(ids.length, 6, 1, 0.2, 2);
const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;

describe('the neural rungs score the held-out targets as the models’ own validation loss does', () => {
  it('the Transformer: its per-target ln p averages to −validationLoss, batch size aside', () => {
    const config = { ...TINY, vocabSize: vocab.chars.length, contextLength: 8 };
    const w = boldWeights(config, 3);
    const lp = transformerLogProbs(config, w, ids, split.val, split.len, 2);
    expect(lp).toHaveLength(split.val.length * split.len);
    expect(-mean(lp)).toBeCloseTo(transformerValidationLoss(config, w, transformerData(ids, split, 8)), 5);
    disposeWeights(w);
  });

  it('the Transformer: each target’s ln p is read from its own window, starting at position 0', () => {
    const config = { ...TINY, vocabSize: vocab.chars.length, contextLength: 8 };
    const w = boldWeights(config, 4);
    const [s] = split.val.slice(1, 2);
    const lp = transformerLogProbs(config, w, ids, [s], split.len);
    const t = 3; // the target ids[s+4], from ids[s … s+3] alone
    const direct = tf.tidy(() => {
      const x = tf.tensor2d(Array.from(ids.subarray(s, s + t + 1)), [1, t + 1], 'int32');
      return tf.logSoftmax(forward(config, w, x).logits).arraySync()[0][t][windowTargets(ids, [s], split.len)[t]];
    });
    expect(lp[t]).toBeCloseTo(direct, 5);
    disposeWeights(w);
  });

  it('the LSTM: its per-target ln p averages to −validationLoss, clipped alike where it is sure and wrong', () => {
    const model = buildModel({ vocabSize: vocab.chars.length, embeddingSize: 8, units: 16 }, 1);
    // A bias of 40 on <unk> leaves every other character a probability far below the 1e-7 clip.
    const dense = model.layers[model.layers.length - 1];
    const [kernel, bias] = dense.getWeights();
    const sure = tf.tensor1d(Array.from(bias.dataSync(), (b, i) => (i === 0 ? 40 : b)));
    dense.setWeights([kernel, sure]);
    sure.dispose();
    const lp = lstmLogProbs(model, ids, split.val, split.len, 3);
    expect(lp).toHaveLength(split.val.length * split.len);
    expect(-mean(lp)).toBeCloseTo(lstmValidationLoss(model, { ids, split }), 5);
    disposeModel(model);
  });

  it('leaves no tensor behind', () => {
    const config = { ...TINY, vocabSize: vocab.chars.length, contextLength: 8 };
    const w = boldWeights(config, 5);
    const model = buildModel({ vocabSize: vocab.chars.length, embeddingSize: 8, units: 16 }, 1);
    transformerLogProbs(config, w, ids, split.val, split.len);
    lstmLogProbs(model, ids, split.val, split.len);
    const before = tf.memory().numTensors;
    transformerLogProbs(config, w, ids, split.val, split.len);
    lstmLogProbs(model, ids, split.val, split.len);
    expect(tf.memory().numTensors).toBe(before);
    disposeWeights(w);
    disposeModel(model);
  });
});
