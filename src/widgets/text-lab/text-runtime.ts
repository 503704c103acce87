/**
 * What the text lab's page needs, imported on first use: the shipped checkpoint or a saved model
 * as tf.io artifacts, which the generation worker (gen.worker.ts) writes with, and saving to
 * IndexedDB (shared/model-store.ts), which checks that saved weights decode into a CharStepper
 * (no layers API on the page; training runs in train.worker.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, SHIPPED_NAMES, type CheckpointMeta } from '../../lib/textgen/checkpoint';
import { CharStepper } from '../../lib/textgen/stepper';
import { BASE } from '../shared/base';
import { modelStore } from '../shared/model-store';
import { fetchOk, readJson } from '../shared/fetch-file';

export type { Saved, SaveOutcome } from '../shared/model-store';

/** The shipped 唐诗 checkpoint: model.json, weights.bin (float16) and meta.json. */
export async function loadCheckpoint(): Promise<{ artifacts: tf.io.ModelArtifacts; meta: CheckpointMeta }> {
  const dir = `${BASE}models/poetry/`;
  const [model, weights, meta] = await Promise.all([
    fetchOk(`${dir}model.json`).then(readJson),
    fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${dir}meta.json`).then((r) => readJson(r) as Promise<CheckpointMeta>),
  ]);
  return { artifacts: fromModelJson(model, weights, SHIPPED_NAMES.lstm), meta };
}

/** Decodes weights (float16 or float32) into tensors the stepper owns. */
export function stepperFrom(artifacts: tf.io.ModelArtifacts): CharStepper {
  if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('缺少权重');
  return new CharStepper(tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs));
}

/** This lab's models, one per corpus; the weights must decode into a stepper (right names and shapes). */
export const { save, loadSaved, removeSaved } = modelStore('textlab', ({ artifacts }) => stepperFrom(artifacts).dispose());
