/** The shipped checkpoints as plain tensors, read from public/models/ the way the page reads them. */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { toPlain } from '../../../src/lib/compress/evaluate';
import type { PlainTensor } from '../../../src/lib/compress/quantize';
import { fromModelJson } from '../../../src/lib/textgen/checkpoint';
import '../nn/tf'; // registers the CPU backend

/** model.json and weights.bin of public/models/<dir>/ as tf.io artifacts. */
export function artifactsOf(dir: string): tf.io.ModelArtifacts {
  const json = JSON.parse(readFileSync(`public/models/${dir}/model.json`, 'utf8'));
  const bytes = readFileSync(`public/models/${dir}/weights.bin`);
  return fromModelJson(json, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
}

/** The checkpoint's weights as plain float32 arrays, in manifest order. */
export function plainCheckpoint(dir: string): PlainTensor[] {
  const a = artifactsOf(dir);
  const map = tf.io.decodeWeights(a.weightData!, a.weightSpecs!);
  const plain = toPlain(
    map,
    a.weightSpecs!.map((s) => s.name),
  );
  tf.dispose(Object.values(map));
  return plain;
}
