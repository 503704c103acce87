/**
 * One analysis of a text by each architecture, as plain numbers the view shows: the LSTM's
 * activations [T][U] and its saliency; the Transformer's saliency and the attention of its last
 * position (the one that predicts the next character), per layer and head. The text is read as
 * the attention map reads it (transformer/map-text.ts): characters outside the model's
 * vocabulary become <unk>, with a notice. Every tensor made here is freed.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { Vocab } from '../textgen/vocab';
import type { TransformerConfig } from '../transformer/config';
import { attentionMaps } from '../transformer/forward';
import { checkMapText, shownChar } from '../transformer/map-text';
import { lstmActivations, lstmWeights } from './lstm';
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

/** The LSTM (weights by tfjs-layers names) on `text`. Throws an Error in words for text with nothing readable or a missing weight. */
export function analyseLstm(w: tf.NamedTensorMap, vocab: Vocab, text: string): LstmAnalysis {
  const r = read(text, vocab, MAX_TEXT);
  const lw = lstmWeights(w);
  return { chars: r.chars, notices: r.notices, acts: lstmActivations(lw, r.ids), prediction: predictionOf(lstmSaliency(lw, r.ids), vocab) };
}

/** The Transformer on `text` (at most its context length). Throws an Error in words as analyseLstm. */
export function analyseGpt(c: TransformerConfig, w: tf.NamedTensorMap, vocab: Vocab, text: string): GptAnalysis {
  const r = read(text, vocab, c.contextLength);
  const last = r.ids.length - 1;
  const lastRow = attentionMaps(c, w, r.ids).map((layer) => layer.map((head) => head[last].slice(0, last + 1)));
  return { chars: r.chars, notices: r.notices, lastRow, prediction: predictionOf(gptSaliency(c, w, r.ids), vocab) };
}
