/**
 * What the interpretability view's worker (interpret.worker.ts) needs: TF.js's gradient kernels,
 * the shipped checkpoints (fetched once per worker), and the models the reader trained in this browser
 * (the §5.2 text lab's, saved per corpus, and 附录 A's Transformer), read from IndexedDB through
 * the labs' own stores each time they are asked for, since the reader may have trained again.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, SHIPPED_NAMES, type CheckpointMeta } from '../../lib/textgen/checkpoint';
import { CORPUS_NAMES, type CorpusName } from '../../lib/textgen/settings';
import { fromChars, type Vocab } from '../../lib/textgen/vocab';
import type { TransformerConfig } from '../../lib/transformer/config';
import { fromArtifacts, type TransformerCheckpointMeta } from '../../lib/transformer/checkpoint';
import { loadSavedTransformer } from '../gpt-train/saved';
import { loadSaved } from '../text-lab/text-runtime';
import { BASE } from '../shared/base';
import { fetchOk, readJson } from '../shared/fetch-file';
import { readerStorageNotice } from '../../lib/interpret/reader-storage';
import { storageAnswer, type StorageAnswer } from '../../lib/storage/indexed-db';

export interface LoadedLstm {
  weights: tf.NamedTensorMap;
  vocab: Vocab;
  /** Which model, for the reader. */
  label: string;
}

export interface LoadedGpt extends LoadedLstm {
  config: TransformerConfig;
}

async function files(dir: 'poetry' | 'transformer'): Promise<{ artifacts: tf.io.ModelArtifacts; meta: unknown }> {
  const base = `${BASE}models/${dir}/`;
  const [json, weights, meta] = await Promise.all([
    fetchOk(`${base}model.json`).then(readJson),
    fetchOk(`${base}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${base}meta.json`).then(readJson),
  ]);
  return { artifacts: fromModelJson(json, weights, SHIPPED_NAMES[dir === 'poetry' ? 'lstm' : 'transformer']), meta };
}

function decode(artifacts: tf.io.ModelArtifacts): tf.NamedTensorMap {
  if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('检查点缺少权重');
  return tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
}

const CORPUS_SHORT: Record<CorpusName, string> = { poetry: '唐诗', book: '本书', mine: '我的文本' };

let lstmCkpt: Promise<LoadedLstm> | undefined;
let gptCkpt: Promise<LoadedGpt> | undefined;

/** The shipped §5.2 LSTM; kept for the page's lifetime (the caller must not dispose it). */
export function checkpointLstm(): Promise<LoadedLstm> {
  lstmCkpt ??= files('poetry').then(({ artifacts, meta }) => ({
    weights: decode(artifacts),
    vocab: fromChars((meta as CheckpointMeta).vocab),
    label: SHIPPED_NAMES.lstm,
  }));
  lstmCkpt.catch(() => (lstmCkpt = undefined));
  return lstmCkpt;
}

/** The shipped 附录 A Transformer; kept for the page's lifetime. */
export function checkpointGpt(): Promise<LoadedGpt> {
  gptCkpt ??= files('transformer').then(({ artifacts, meta }) => ({
    ...fromArtifacts(artifacts),
    vocab: fromChars((meta as TransformerCheckpointMeta).vocab),
    label: SHIPPED_NAMES.transformer,
  }));
  gptCkpt.catch(() => (gptCkpt = undefined));
  return gptCkpt;
}

/**
 * The LSTM the reader trained in the text lab (the first corpus, in the lab's order, that has
 * one), or null when none is saved. The caller owns (and disposes) its weights. Throws an Error
 * in words when a saved model is damaged (the store has then deleted it).
 */
export async function savedLstm(): Promise<LoadedLstm | null> {
  for (const corpus of CORPUS_NAMES) {
    const saved = await loadSaved(corpus);
    if (saved)
      return {
        weights: decode(saved.artifacts),
        vocab: fromChars(saved.meta.vocab),
        label: `我训练的 LSTM（语料：${CORPUS_SHORT[corpus]}，${saved.meta.epochs} 轮）`,
      };
  }
  return null;
}

/** The Transformer the reader trained in 附录 A, or null; the caller owns its weights. Throws as savedLstm. */
export async function savedGpt(): Promise<LoadedGpt | null> {
  const saved = await loadSavedTransformer();
  if (!saved) return null;
  return { ...fromArtifacts(saved.artifacts), vocab: fromChars(saved.meta.vocab), label: `我训练的 Transformer（${saved.meta.epochs} 轮）` };
}

/**
 * Whether the worker may read the browser's model storage (IndexedDB), waiting at most
 * STORAGE_WAIT_MS: tf.io's listModels opens the database, so a refusal shows as its rejection and
 * a pending open as no answer. Never rejects.
 */
const storageInWorker = (): Promise<StorageAnswer> => storageAnswer(typeof indexedDB !== 'undefined' && !!indexedDB, () => tf.io.listModels());

/** Frees a model the caller owns. */
export const disposeModel = (m: LoadedLstm): void => tf.dispose(Object.values(m.weights));

/**
 * The reader's saved LSTM and Transformer (the caller owns and disposes them), each null when
 * there is none or it cannot be read; `notices` gets a sentence for each null (none saved, a
 * damaged one deleted, storage refused or not answering), saying the checkpoint is used instead. Never throws.
 * @param pageStorage what the page's IndexedDB probe found; only after 'ok' does the worker ask (and wait) itself
 */
export async function readerModels(notices: string[], pageStorage: StorageAnswer): Promise<[LoadedLstm | null, LoadedGpt | null]> {
  const get = async <T>(load: () => Promise<T | null>, none: string): Promise<T | null> => {
    try {
      const m = await load();
      if (!m) notices.push(none);
      return m;
    } catch (e) {
      notices.push(`${e instanceof Error ? e.message : String(e)}改用预训练检查点。`);
      return null;
    }
  };
  const unreadable = readerStorageNotice(pageStorage === 'ok' ? await storageInWorker() : pageStorage);
  if (unreadable) {
    notices.push(unreadable);
    return [null, null];
  }
  const lstm = await get(savedLstm, '本浏览器里还没有保存在 5.2 节训练的 LSTM，改用 LSTM 预训练检查点。');
  const gpt = await get(savedGpt, '本浏览器里还没有保存在附录 A 训练的 Transformer，改用 Transformer 预训练检查点。');
  return [lstm, gpt];
}
