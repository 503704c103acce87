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

/** The artifacts back from a model.json (as parsed JSON) and its weights file, however they were read. */
export function fromModelJson(json: ReturnType<typeof modelJson>, weights: ArrayBuffer): tf.io.ModelArtifacts {
  return {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights ?? []),
    weightData: weights,
    format: json.format,
    generatedBy: json.generatedBy,
  };
}
