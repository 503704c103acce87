/**
 * What the page needs to generate text, imported on first use: the shipped checkpoint or a
 * saved model as tf.io artifacts, decoded straight into a CharStepper (no layers API on the
 * page; training runs in train.worker.ts), and saving to IndexedDB through tf.io. Saving never
 * throws: it says whether the model was kept, and why not (no IndexedDB, or no room).
 */
import * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, type CheckpointMeta } from '../../lib/textgen/checkpoint';
import { parseSavedMeta, toMetadata, type SavedMeta } from '../../lib/textgen/saved';
import { CharStepper } from '../../lib/textgen/stepper';
import { classifyStorageError, type StorageState } from '../../lib/storage/store';
import { BASE } from '../shared/base';

export { generate } from '../../lib/textgen/generate';
export { fromChars } from '../../lib/textgen/vocab';
export { memory } from '@tensorflow/tfjs-core';

export interface Saved {
  artifacts: tf.io.ModelArtifacts;
  /** The vocabulary and training so far, kept with the weights. */
  meta: SavedMeta;
}

/** How a save ended: kept, or not kept and why (see src/lib/storage). */
export type SaveOutcome = { ok: true } | { ok: false; state: Exclude<StorageState, 'ok'> };

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
  if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('缺少权重');
  return new CharStepper(tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs));
}

const key = (name: string) => `indexeddb://textlab-${name}`;

const saveId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The model stored under this name, read through tf.io; throws when it is missing or unreadable. */
async function read(name: string): Promise<{ artifacts: tf.io.ModelArtifacts; meta: SavedMeta | null }> {
  const handler = tf.io.getLoadHandlers(key(name))[0];
  if (!handler?.load) throw new Error('浏览器不支持 IndexedDB');
  const artifacts = await handler.load();
  return { artifacts, meta: parseSavedMeta(artifacts.userDefinedMetadata) };
}

/**
 * Saves the model under `name` and reads it back. IndexedDB reports a write as done before it
 * commits, and a full disk aborts the commit afterwards (tf.io resolves all the same), so only
 * a read-back that finds this very save counts as kept; one that does not is taken as 'quota',
 * the reason a write accepted by an open database fails to commit. A model saved earlier stays
 * as it was when this save fails.
 */
export async function save(name: string, saved: Saved): Promise<SaveOutcome> {
  const id = saveId();
  try {
    const handler = tf.io.getSaveHandlers(key(name))[0];
    if (!handler?.save) return { ok: false, state: 'unavailable' };
    await handler.save({ ...saved.artifacts, userDefinedMetadata: toMetadata({ ...saved.meta, saveId: id }) });
  } catch (e) {
    return { ok: false, state: classifyStorageError(e) };
  }
  const back = await read(name).catch(() => null);
  if (back?.meta?.saveId === id) return { ok: true };
  // Nothing older under this name: drop the index entry the aborted save left behind.
  if (!back) await removeSaved(name);
  return { ok: false, state: 'quota' };
}

/**
 * A model saved earlier for this corpus, or null. A saved model that cannot be read back (a
 * browser crash mid-write, storage edited by hand) is deleted, and the error says so.
 */
export async function loadSaved(name: string): Promise<Saved | null> {
  const models = await tf.io.listModels().catch(() => ({}));
  if (!Object.hasOwn(models, key(name))) return null;
  try {
    const { artifacts, meta } = await read(name);
    if (!meta) throw new Error('缺少字符表');
    stepperFrom(artifacts).dispose(); // proves the weights decode and have the right names
    return { artifacts, meta };
  } catch (e) {
    await removeSaved(name);
    throw new Error(`浏览器里保存的模型已损坏（${e instanceof Error ? e.message : String(e)}），已删除。`);
  }
}

/** Forgets the model saved under `name`; never throws (there may be nothing to forget). */
export const removeSaved = (name: string): Promise<void> =>
  tf.io.removeModel(key(name)).then(
    () => undefined,
    () => undefined,
  );
