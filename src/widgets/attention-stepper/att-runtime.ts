/**
 * What the attention stepper needs from the checkpoint, imported on first use (after the page's
 * TF.js runtime, see backend.svelte.ts): the shipped Transformer read twice from the same bytes,
 * as plain float64 arrays for the hand computation and as TF.js tensors for the model's own
 * forward pass, which checks it. The tensors are kept for the page's life; nothing else stays.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, SHIPPED_NAMES } from '../../lib/textgen/checkpoint';
import { fromArtifacts } from '../../lib/transformer/checkpoint';
import type { TransformerConfig } from '../../lib/transformer/config';
import { checkAgainstForward, handSteps, type HandSteps } from '../../lib/transformer/hand';
import { plainFromModelJson } from '../../lib/transformer/plain-checkpoint';
import type { PlainWeights } from '../../lib/transformer/reference';
import { BASE } from '../shared/base';
import { fetchOk, readJson } from '../shared/fetch-file';

export { memory } from '@tensorflow/tfjs-core';

export interface StepperModel {
  config: TransformerConfig;
  /** vocab[id], vocab[0] = <unk>. */
  vocab: string[];
  plain: PlainWeights;
  weights: tf.NamedTensorMap;
}

/** The shipped checkpoint (public/models/transformer/). Throws an Error in Chinese when a file is missing or damaged. */
export async function loadModel(): Promise<StepperModel> {
  const dir = `${BASE}models/transformer/`;
  const [json, bytes, meta] = await Promise.all([
    fetchOk(`${dir}model.json`).then(readJson),
    fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${dir}meta.json`).then((r) => readJson(r) as Promise<{ vocab?: unknown }>),
  ]);
  const vocab = Array.isArray(meta.vocab) && meta.vocab.every((c) => typeof c === 'string') ? (meta.vocab as string[]) : null;
  if (!vocab) throw new Error('检查点缺少字符表');
  // fromModelJson first: it names the weights file when its length is wrong (cut short, or a web page).
  const { weights } = fromArtifacts(fromModelJson(json, bytes, SHIPPED_NAMES.transformer));
  const { config, weights: plain } = plainFromModelJson(json, bytes);
  return { config, vocab, plain, weights };
}

/** The ten steps on `ids` for one head, and the largest difference from the model's forward pass. */
export function compute(m: StepperModel, ids: number[], layer: number, head: number): { steps: HandSteps; diff: number } {
  const steps = handSteps(m.config, m.plain, ids, layer, head);
  return { steps, diff: checkAgainstForward(m.config, m.weights, steps) };
}
