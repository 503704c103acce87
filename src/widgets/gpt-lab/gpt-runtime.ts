/**
 * What 附录 A's generation lab needs, imported on first use: the shipped Transformer checkpoint
 * and the §5.2 LSTM's (through the text lab's own runtime, for the side-by-side view) as tf.io
 * artifacts with their vocabularies. The weights are decoded in the generation worker
 * (text-lab/gen.worker.ts), which writes with them.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, SHIPPED_NAMES } from '../../lib/textgen/checkpoint';
import { fromChars, type Vocab } from '../../lib/textgen/vocab';
import { configOf, type TransformerCheckpointMeta } from '../../lib/transformer/checkpoint';
import { BASE } from '../shared/base';
import { loadCheckpoint } from '../text-lab/text-runtime';
import { fetchOk, readJson } from '../shared/fetch-file';

export interface LoadedModel {
  artifacts: tf.io.ModelArtifacts;
  vocab: Vocab;
  /** For the reader: which checkpoint, how well it does. */
  label: string;
}

/** The shipped Transformer: model.json, weights.bin (float16) and meta.json, and its context length. Throws an Error in words. */
export async function loadTransformer(): Promise<LoadedModel & { contextLength: number }> {
  const dir = `${BASE}models/transformer/`;
  const [model, weights, meta] = await Promise.all([
    fetchOk(`${dir}model.json`).then(readJson),
    fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${dir}meta.json`).then((r) => readJson(r) as Promise<TransformerCheckpointMeta>),
  ]);
  const artifacts = fromModelJson(model, weights, SHIPPED_NAMES.transformer);
  const config = configOf(artifacts);
  if (!Array.isArray(meta.vocab) || meta.vocab.length !== config.vocabSize) throw new Error('检查点的字符表与模型大小不一致');
  const ppl = Math.exp(meta.validation.lossFloat16);
  return {
    artifacts,
    vocab: fromChars(meta.vocab),
    contextLength: config.contextLength,
    label: `Transformer 检查点（${meta.epochs} 轮，验证困惑度 ${ppl.toFixed(1)}）`,
  };
}

/** The §5.2 LSTM's shipped checkpoint (not one trained in this browser), as the text lab loads it. */
export async function loadLstm(): Promise<LoadedModel> {
  const { artifacts, meta } = await loadCheckpoint();
  return { artifacts, vocab: fromChars(meta.vocab), label: `LSTM 检查点（${meta.epochs} 轮，验证困惑度 ${meta.validation.perplexityFloat16.toFixed(1)}）` };
}
