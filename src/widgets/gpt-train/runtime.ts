/**
 * What the Transformer training widget needs from TF.js, imported on first use: the shipped
 * checkpoint as tf.io artifacts (the worker decodes them), and the saved model's store.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { fromModelJson } from '../../lib/textgen/checkpoint';
import type { TransformerCheckpointMeta } from '../../lib/transformer/checkpoint';
import { BASE } from '../shared/base';

export { loadSavedTransformer, removeSavedTransformer, saveTransformer } from './saved';

/** The shipped Transformer checkpoint's model.json and weights.bin (float16), as artifacts. */
export async function loadTransformerArtifacts(): Promise<tf.io.ModelArtifacts> {
  const dir = `${BASE}models/transformer/`;
  const [model, weights] = await Promise.all([fetchOk(`${dir}model.json`).then((r) => r.json()), fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer())]);
  return fromModelJson(model, weights);
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`无法下载 ${url}（HTTP ${response.status}）`);
  return response;
}

export type { TransformerCheckpointMeta };
