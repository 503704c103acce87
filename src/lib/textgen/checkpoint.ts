/**
 * The shipped checkpoint's files: a tf.io `model.json` whose weights manifest points at
 * `weights.bin`, plus `meta.json` with what a reader (and a reproducer) needs to know.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ModelSizes } from './model';

export interface CheckpointMeta {
  /** chars[id], chars[0] = <unk>. */
  vocab: string[];
  sizes: ModelSizes;
  seqLen: number;
  seed: number;
  corpus: { file: string; sha256: string; characters: number };
  epochs: number;
  batchSize: number;
  learningRate: number;
  backend: string;
  trainingSeconds: number;
  /** Validation cross-entropy (nats per character) and perplexity, before and after float16. */
  validation: { loss: number; perplexity: number; lossFloat16: number; perplexityFloat16: number };
  weights: 'float16';
}

/** How the page names the two shipped checkpoints (public/models/poetry/ and public/models/transformer/). */
export const SHIPPED_NAMES = { lstm: 'LSTM 预训练检查点（5.2 节）', transformer: 'Transformer 预训练检查点（附录 A）' } as const;

/** model.json in the layers-model format that tf.loadLayersModel(url) reads. */
export function modelJson(artifacts: tf.io.ModelArtifacts, weightsFile = 'weights.bin') {
  return {
    format: 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs }],
  };
}

/** Bytes per stored element of each dtype tf.io writes (a quantized weight is stored as its quantization dtype). */
const DTYPE_BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1, complex64: 8, float16: 2, uint16: 2, uint8: 1 };

/**
 * Bytes the weights file must have for `specs` (tf.io's weight manifest): the sum over weights of
 * their element count (the product of the shape) times the bytes of the stored dtype
 * (`quantization.dtype` when quantized, else `dtype`; float16 = 2, float32 = int32 = 4), the
 * layout tf.io.decodeWeights reads. Null when a dtype has no fixed size (string) or is unknown.
 */
export function weightBytes(specs: readonly tf.io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const spec of specs) {
    const stored: string = spec.quantization?.dtype ?? spec.dtype;
    if (!Object.hasOwn(DTYPE_BYTES, stored)) return null;
    total += spec.shape.reduce((a, b) => a * b, 1) * DTYPE_BYTES[stored];
  }
  return total;
}

/**
 * The artifacts back from a model.json (as parsed JSON) and its weights file, however they were
 * read. Throws an Error in Chinese naming the weights file, and whose it is when the caller says
 * (`model`, e.g. SHIPPED_NAMES.lstm), when its length is not the manifest's (weightBytes): a
 * download cut short, or a web page served in its place, which TF.js would otherwise refuse in
 * English with a shape or byte-length error.
 */
export function fromModelJson(json: ReturnType<typeof modelJson>, weights: ArrayBuffer, model?: string): tf.io.ModelArtifacts {
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights ?? []);
  const expected = weightBytes(weightSpecs);
  if (expected !== null && expected !== weights.byteLength) {
    const file = json.weightsManifest[0]?.paths?.[0] ?? '权重文件';
    throw new Error(
      `${model ? `${model}的权重文件“${file}”长度不对` : `“${file}”的长度不对`}：应为 ${expected} 字节，实为 ${weights.byteLength} 字节（可能下载时被截断了，或服务器返回的是网页）。请刷新页面再试。`,
    );
  }
  return {
    modelTopology: json.modelTopology,
    weightSpecs,
    weightData: weights,
    format: json.format,
    generatedBy: json.generatedBy,
  };
}
