/**
 * What the page needs to generate text, imported on first use: the shipped checkpoint or a
 * saved model as tf.io artifacts, decoded straight into a CharStepper (no layers API on the
 * page; training runs in train.worker.ts), and saving to IndexedDB through tf.io.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, type CheckpointMeta } from '../../lib/textgen/checkpoint';
import { CharStepper } from '../../lib/textgen/stepper';
import { BASE } from '../shared/base';

export { generate } from '../../lib/textgen/generate';
export { fromChars } from '../../lib/textgen/vocab';
export { memory } from '@tensorflow/tfjs-core';

export interface Saved {
  artifacts: tf.io.ModelArtifacts;
  /** The vocabulary and training so far, kept with the weights. */
  meta: { vocab: string[]; epochs: number; corpus: string };
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`无法下载 ${url}（HTTP ${response.status}）`);
  return response;
}

/** The shipped 唐诗 checkpoint: model.json, weights.bin (float16) and meta.json. */
export async function loadCheckpoint(): Promise<{ artifacts: tf.io.ModelArtifacts; meta: CheckpointMeta }> {
  const dir = `${BASE}models/poetry/`;
  const [model, weights, meta] = await Promise.all([
    fetchOk(`${dir}model.json`).then((r) => r.json()),
    fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${dir}meta.json`).then((r) => r.json() as Promise<CheckpointMeta>),
  ]);
  return { artifacts: fromModelJson(model, weights), meta };
}

/** Decodes weights (float16 or float32) into tensors the stepper owns. */
export function stepperFrom(artifacts: tf.io.ModelArtifacts): CharStepper {
  const weights = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  return new CharStepper(weights);
}

const key = (name: string) => `indexeddb://textlab-${name}`;

export async function save(name: string, saved: Saved): Promise<void> {
  await tf.io.getSaveHandlers(key(name))[0].save({ ...saved.artifacts, userDefinedMetadata: saved.meta as unknown as Record<string, unknown> });
}

/**
 * A model saved earlier for this corpus, or null. A saved model that cannot be read back (a
 * browser crash mid-write, storage edited by hand) is deleted, and the error says so.
 */
export async function loadSaved(name: string): Promise<Saved | null> {
  const models = await tf.io.listModels().catch(() => ({}) as Record<string, unknown>);
  if (!(key(name) in models)) return null;
  try {
    const artifacts = await tf.io.getLoadHandlers(key(name))[0].load();
    const meta = artifacts.userDefinedMetadata as unknown as Saved['meta'] | undefined;
    if (!meta || !Array.isArray(meta.vocab) || !artifacts.weightData || !artifacts.weightSpecs) throw new Error('缺少字符表或权重');
    stepperFrom(artifacts).dispose(); // proves the weights decode and have the right names
    return { artifacts, meta };
  } catch (e) {
    await tf.io.removeModel(key(name)).catch(() => undefined);
    throw new Error(`浏览器里保存的模型已损坏（${e instanceof Error ? e.message : String(e)}），已删除。`);
  }
}

export const removeSaved = (name: string) => tf.io.removeModel(key(name)).catch(() => undefined);
