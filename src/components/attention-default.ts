/**
 * Build-time numbers for the attention map's default text: the shipped checkpoint read from
 * public/ in Node, run once on the TF.js CPU backend. The page then shows the real weights with
 * JavaScript off, and the island starts from them without loading TF.js.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointFromFiles, CHECKPOINT_DIR } from '../lib/transformer/files';
import { attentionMaps } from '../lib/transformer/forward';
import { checkMapText } from '../lib/transformer/map-text';
import { TANG_GPT } from '../lib/transformer/config';
import type { MapInitial } from '../widgets/attention-map/map.svelte';

const bytes = (path: string): ArrayBuffer => {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

/** Keeps 5 decimals: the page shows 2, and the props travel in the HTML. */
const round = (maps: number[][][][]) => maps.map((l) => l.map((h) => h.map((r) => r.map((w) => Math.round(w * 1e5) / 1e5))));

/**
 * The default text's characters and attention maps [layers][heads][T][T]. Without a checkpoint
 * in public/ (a fresh clone before training) the maps are empty and the island computes them.
 */
export async function defaultMap(text: string): Promise<MapInitial> {
  const dir = join(process.cwd(), 'public', CHECKPOINT_DIR);
  const checked = checkMapText(text, TANG_GPT.contextLength);
  const chars = checked.ok ? checked.chars : [];
  if (!existsSync(join(dir, 'weights.bin'))) return { chars, maps: [], contextLength: TANG_GPT.contextLength };
  await tf.setBackend('cpu');
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
  const ck = checkpointFromFiles(read('model.json'), bytes(join(dir, 'weights.bin')), read('meta.json'));
  try {
    const withIds = checkMapText(text, ck.config.contextLength, ck.vocab);
    if (!withIds.ok) throw new Error(withIds.message);
    return { chars: withIds.chars, maps: round(attentionMaps(ck.config, ck.weights, withIds.ids)), contextLength: ck.config.contextLength };
  } finally {
    tf.dispose(Object.values(ck.weights));
  }
}
