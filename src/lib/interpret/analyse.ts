/**
 * One analysis of a text by each architecture, as plain numbers the view shows: the LSTM's
 * activations [T][U] and its saliency; the Transformer's saliency and the attention of its last
 * position (the one that predicts the next character), per layer and head. The text is read as
 * the attention map reads it (transformer/map-text.ts): characters outside the model's
 * vocabulary become <unk>, with a notice. Every tensor made here is freed.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Vocab } from '../textgen/vocab';
import type { TransformerConfig } from '../transformer/config';
import { attentionMaps } from '../transformer/forward';
import { checkMapText, shownChar } from '../transformer/map-text';
import { lstmActivationsFrom, lstmWeights, type LstmState } from './lstm';
import { gptSaliency, lstmSaliency, type Saliency } from './saliency';
import { MAX_TEXT } from './settings';

export interface Prediction extends Saliency {
  /** The predicted character as shown (↵ for a line break, <unk> for id 0). */
  shown: string;
  /** p(y | inputs) = exp(logProb). */
  probability: number;
}

export interface Analysis {
  /** The characters read, one per position. */
  chars: string[];
  /** What the reader should know about how the text was read (Chinese). */
  notices: string[];
  prediction: Prediction;
}

export interface LstmAnalysis extends Analysis {
  /** acts[t][u]: unit u's activation after reading chars[0 … t]. */
  acts: number[][];
}

export interface GptAnalysis extends Analysis {
  /** lastRow[l][h][j]: how much the last position attends to position j in head h of layer l. */
  lastRow: number[][][];
}

const predictionOf = (s: Saliency, vocab: Vocab): Prediction => ({
  ...s,
  shown: s.target === 0 ? '<unk>' : shownChar(vocab.chars[s.target] ?? '<unk>'),
  probability: Math.exp(s.logProb),
});

/** The text read for a model with this vocabulary and context; throws an Error in words when nothing readable is left. */
function read(text: string, vocab: Vocab, context: number) {
  const r = checkMapText(text, Math.min(context, MAX_TEXT), vocab);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** Where a stepwise analysis is: `done` of `total` steps, and the step just finished (Chinese). */
export interface AnalysisStep {
  done: number;
  total: number;
  label: string;
}

/** Positions of the LSTM read per step: a few milliseconds of work each, so the page gets a turn between them. */
export const ACT_CHUNK = 16;

/**
 * The analysis in steps, for a page that must stay responsive: each `yield` says what was just
 * done and is a point where the caller may give the page a turn before asking for the next
 * step; the return value is the whole analysis. Steps: the LSTM's activations ACT_CHUNK
 * characters at a time, its saliency, then the Transformer's attention and its saliency (the
 * LSTM reads at most MAX_TEXT characters, the Transformer at most its context). Throws an Error
 * in words for text with nothing readable or a missing weight. No tensor outlives a step, so
 * stopping early (a generator's `return`) leaks nothing.
 */
export function* analyseSteps(
  lstm: { weights: tf.NamedTensorMap; vocab: Vocab },
  gpt: { config: TransformerConfig; weights: tf.NamedTensorMap; vocab: Vocab },
  text: string,
): Generator<AnalysisStep, { lstm: LstmAnalysis; gpt: GptAnalysis }> {
  const r = read(text, lstm.vocab, MAX_TEXT);
  const g = read(text, gpt.vocab, gpt.config.contextLength);
  const lw = lstmWeights(lstm.weights);
  const chunks = Math.ceil(r.ids.length / ACT_CHUNK);
  const total = chunks + 3;
  let done = 0;
  const acts: number[][] = [];
  let state: LstmState | undefined;
  for (let t = 0; t < r.ids.length; t += ACT_CHUNK) {
    const part = lstmActivationsFrom(lw, r.ids.slice(t, t + ACT_CHUNK), state);
    acts.push(...part.acts);
    state = part.state;
    yield { done: ++done, total, label: `LSTM 的隐藏单元激活（${acts.length}/${r.ids.length} 个字）` };
  }
  // The prediction y = argmax(h_T·D + d) from the state already read, so the saliency step needs no forward pass of its own.
  const y = tf.tidy(() => tf.argMax(tf.add(tf.matMul(tf.tensor2d([acts[acts.length - 1]]), lw.D), lw.d), 1).dataSync()[0]);
  const lstmResult: LstmAnalysis = { chars: r.chars, notices: r.notices, acts, prediction: predictionOf(lstmSaliency(lw, r.ids, y), lstm.vocab) };
  yield { done: ++done, total, label: 'LSTM 的梯度显著性' };
  const last = g.ids.length - 1;
  const lastRow = attentionMaps(gpt.config, gpt.weights, g.ids).map((layer) => layer.map((head) => head[last].slice(0, last + 1)));
  yield { done: ++done, total, label: 'Transformer 的注意力' };
  const gptResult: GptAnalysis = {
    chars: g.chars,
    notices: g.notices,
    lastRow,
    prediction: predictionOf(gptSaliency(gpt.config, gpt.weights, g.ids), gpt.vocab),
  };
  return { lstm: lstmResult, gpt: gptResult };
}

/** Runs analyseSteps to the end at once (Node, tests): the same numbers with no turns between steps. */
export function analyseAll(...args: Parameters<typeof analyseSteps>): { lstm: LstmAnalysis; gpt: GptAnalysis } {
  const steps = analyseSteps(...args);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}
