/**
 * What the compression lab's worker (compress.worker.ts) loads: the shipped checkpoints as plain
 * float32 weights, the corpus as ids of their vocabulary, and the held-out windows each
 * checkpoint's meta.json names (the LSTM's split: makeWindows(characters, seqLen, seed)).
 * Each checkpoint and the corpus are fetched once per worker.
 */
import * as tf from '@tensorflow/tfjs-core';
import { toPlain, type Architecture } from '../../lib/compress/evaluate';
import type { PlainTensor } from '../../lib/compress/quantize';
import type { ModelName } from '../../lib/compress/settings';
import { fromModelJson, SHIPPED_NAMES, type CheckpointMeta } from '../../lib/textgen/checkpoint';
import { encode, fromChars, type Vocab } from '../../lib/textgen/vocab';
import { makeWindows } from '../../lib/textgen/windows';
import { fromArtifacts, type TransformerCheckpointMeta } from '../../lib/transformer/checkpoint';
import { BASE } from '../shared/base';
import { fetchOk, readJson } from '../shared/fetch-file';

export interface Loaded {
  arch: Architecture;
  tensors: PlainTensor[];
  vocab: Vocab;
  ids: Int32Array;
  /** Starts of every validation window of `len` inputs. */
  val: number[];
  len: number;
}

let corpus: Promise<string> | undefined;
const loaded = new Map<ModelName, Promise<Loaded>>();

async function load(name: ModelName): Promise<Loaded> {
  const dir = `${BASE}models/${name === 'lstm' ? 'poetry' : 'transformer'}/`;
  corpus ??= fetchOk(`${BASE}corpora/poetry.txt`).then((r) => r.text());
  const [json, weights, meta, text] = await Promise.all([
    fetchOk(`${dir}model.json`).then(readJson),
    fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${dir}meta.json`).then((r) => readJson(r) as Promise<CheckpointMeta | TransformerCheckpointMeta>),
    corpus,
  ]);
  const artifacts = fromModelJson(json, weights, SHIPPED_NAMES[name === 'lstm' ? 'lstm' : 'transformer']);
  const names = (artifacts.weightSpecs ?? []).map((s) => s.name);
  let arch: Architecture;
  let map: tf.NamedTensorMap;
  if (name === 'lstm') {
    if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('检查点缺少权重');
    arch = { kind: 'lstm' };
    map = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  } else {
    const r = fromArtifacts(artifacts);
    arch = { kind: 'gpt', config: r.config };
    map = r.weights;
  }
  const tensors = toPlain(map, names);
  tf.dispose(Object.values(map));
  const split = 'split' in meta ? meta.split : { seqLen: meta.seqLen, seed: meta.seed };
  const vocab = fromChars(meta.vocab);
  const { ids } = encode(vocab, text);
  return { arch, tensors, vocab, ids, val: makeWindows(ids.length, split.seqLen, split.seed).val, len: split.seqLen };
}

/** The checkpoint `name` with its data; throws an Error in words when a file is missing or does not fit. */
export function loadModel(name: ModelName): Promise<Loaded> {
  let p = loaded.get(name);
  if (!p) {
    p = load(name);
    loaded.set(name, p);
    p.catch(() => loaded.delete(name)); // a failed download may be retried
  }
  return p;
}
