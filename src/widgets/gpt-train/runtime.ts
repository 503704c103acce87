/**
 * What the Transformer training widget needs from TF.js, imported on first use: the shipped
 * checkpoint as tf.io artifacts (the worker decodes them), and the saved model's store.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, SHIPPED_NAMES } from '../../lib/textgen/checkpoint';
import type { TransformerCheckpointMeta } from '../../lib/transformer/checkpoint';
import { BASE } from '../shared/base';
import { fetchOk, readJson } from '../shared/fetch-file';

export { loadSavedTransformer, removeSavedTransformer, saveTransformer } from './saved';

/** The shipped Transformer checkpoint's model.json and weights.bin (float16), as artifacts. */
export async function loadTransformerArtifacts(): Promise<tf.io.ModelArtifacts> {
  const dir = `${BASE}models/transformer/`;
  const [model, weights] = await Promise.all([fetchOk(`${dir}model.json`).then(readJson), fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer())]);
  return fromModelJson(model, weights, SHIPPED_NAMES.transformer);
}

export type { TransformerCheckpointMeta };
