import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACT_CHUNK, analyseAll, analyseSteps } from '../../../src/lib/interpret/analyse';
import { lstmActivations, lstmWeights } from '../../../src/lib/interpret/lstm';
import { lstmSaliency } from '../../../src/lib/interpret/saliency';
import { fromChars } from '../../../src/lib/textgen/vocab';
import { useCpu } from '../nn/tf';
import { TINY_GPT, tinyGpt, tinyLstm } from './tiny';

beforeAll(useCpu);

const lstmVocab = fromChars(['<unk>', ...'白日依山尽，。\n']);
const gptVocab = fromChars(['<unk>', ...'白日依山尽黄河入海流']);
const TEXT = '白日依山尽，白日依山尽。\n'.repeat(3); // 39 characters: three LSTM chunks

function models() {
  return { lstm: { weights: tinyLstm(3), vocab: lstmVocab }, gpt: { config: TINY_GPT, weights: tinyGpt(4), vocab: gptVocab } };
}
const free = (m: ReturnType<typeof models>) => tf.dispose([...Object.values(m.lstm.weights), ...Object.values(m.gpt.weights)]);

describe('the analysis in steps', () => {
  it('reads the LSTM a chunk at a time, with the same activations and saliency as reading the text whole', () => {
    const m = models();
    const { lstm } = analyseAll(m.lstm, m.gpt, TEXT);
    const ids = [...TEXT].map((c) => lstmVocab.index.get(c)!);
    const whole = lstmActivations(lstmWeights(m.lstm.weights), ids);
    expect(lstm.acts).toHaveLength(ids.length);
    lstm.acts.forEach((row, t) => row.forEach((v, u) => expect(v).toBeCloseTo(whole[t][u], 5)));
    expect(lstm.prediction.scores).toEqual(lstmSaliency(lstmWeights(m.lstm.weights), ids).scores);
    free(m);
  });

  it('says after each step how far it is, up to the last step, which returns the analysis', () => {
    const m = models();
    const steps = analyseSteps(m.lstm, m.gpt, TEXT);
    const seen: { done: number; total: number }[] = [];
    let s = steps.next();
    for (; !s.done; s = steps.next()) seen.push(s.value);
    const total = Math.ceil(TEXT.length / ACT_CHUNK) + 3;
    expect(seen.map((x) => x.done)).toEqual(Array.from({ length: total - 1 }, (_, i) => i + 1));
    expect(seen.every((x) => x.total === total)).toBe(true);
    expect(s.value.gpt.chars).toHaveLength(TINY_GPT.contextLength);
    expect(s.value.gpt.lastRow).toHaveLength(TINY_GPT.layers);
    free(m);
  });

  it('frees every tensor it makes, run to the end or stopped after a step', () => {
    const m = models();
    const before = tf.memory().numTensors;
    analyseAll(m.lstm, m.gpt, TEXT);
    expect(tf.memory().numTensors).toBe(before);
    const steps = analyseSteps(m.lstm, m.gpt, TEXT);
    steps.next();
    steps.next();
    steps.return(undefined as never);
    expect(tf.memory().numTensors).toBe(before);
    free(m);
  });

  it('refuses text with nothing readable, in words', () => {
    const m = models();
    expect(() => analyseAll(m.lstm, m.gpt, '\u0000')).toThrow('请输入至少一个字');
    free(m);
  });
});
