/**
 * The shipped checkpoint from its three files (model.json, weights.bin, meta.json), however they
 * were read: fetched in the page, or read from disk at build time and in tests. Only the shape
 * of the JSON is checked here; fromArtifacts checks the config and every weight.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, SHIPPED_NAMES } from '../textgen/checkpoint';
import { fromChars, type Vocab } from '../textgen/vocab';
import { fromArtifacts, type TransformerCheckpointMeta } from './checkpoint';
import type { TransformerConfig } from './config';

/** The checkpoint's folder under the site's base (public/models/transformer/). */
export const CHECKPOINT_DIR = 'models/transformer/';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface LoadedCheckpoint {
  config: TransformerConfig;
  /** float32 tensors; the caller owns them. */
  weights: tf.NamedTensorMap;
  vocab: Vocab;
  meta: TransformerCheckpointMeta;
}

/**
 * Decodes the three files into tensors. Throws an Error in Chinese when model.json or meta.json
 * is not what the checkpoint writes, or the vocabulary does not fit the config.
 */
export function checkpointFromFiles(modelJson: unknown, weights: ArrayBuffer, metaJson: unknown): LoadedCheckpoint {
  if (!isRecord(modelJson) || !Array.isArray(modelJson.weightsManifest)) throw new Error('model.json 格式不对');
  if (!isRecord(metaJson) || !Array.isArray(metaJson.vocab) || !metaJson.vocab.every((c) => typeof c === 'string')) throw new Error('meta.json 缺少字符表');
  const { config, weights: w } = fromArtifacts(fromModelJson(modelJson as unknown as Parameters<typeof fromModelJson>[0], weights, SHIPPED_NAMES.transformer));
  const chars = metaJson.vocab as string[];
  if (chars.length !== config.vocabSize) {
    for (const t of Object.values(w)) t.dispose();
    throw new Error(`字符表有 ${chars.length} 个字符，模型需要 ${config.vocabSize} 个`);
  }
  return { config, weights: w, vocab: fromChars(chars), meta: metaJson as unknown as TransformerCheckpointMeta };
}
