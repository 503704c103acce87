/**
 * The attention map's numbers recomputed in the test process: the checkpoint read from public/
 * on disk, and every head's weights from the float64 re-implementation (src/lib/transformer/
 * reference.ts), not from the TF.js forward pass the page runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkpointFromFiles, CHECKPOINT_DIR, type LoadedCheckpoint } from '../../../src/lib/transformer/files';
import { toPlain, trace, type PlainWeights } from '../../../src/lib/transformer/reference';

const dir = fileURLToPath(new URL(`../../../public/${CHECKPOINT_DIR}`, import.meta.url));
let model: { ck: LoadedCheckpoint; plain: PlainWeights } | undefined;

async function load() {
  if (model) return model;
  await tf.setBackend('cpu');
  const bin = readFileSync(`${dir}weights.bin`);
  const json = (name: string) => JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as unknown;
  const ck = checkpointFromFiles(json('model.json'), bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer, json('meta.json'));
  model = { ck, plain: toPlain(ck.weights) };
  return model;
}

/** Whether the checkpoint's vocabulary has `c`. */
export async function inVocab(c: string): Promise<boolean> {
  return (await load()).ck.vocab.index.has(c);
}

/** [layers][heads][T][T] for `text` (code points; unknown ones as <unk>), in float64. */
export async function referenceMaps(text: string): Promise<number[][][][]> {
  const { ck, plain } = await load();
  const ids = Array.from(text, (c) => ck.vocab.index.get(c) ?? 0);
  return trace(ck.config, plain, ids).blocks.map((b) => b.heads.map((h) => h.weights));
}

export const CONTEXT = async () => (await load()).ck.config.contextLength;
