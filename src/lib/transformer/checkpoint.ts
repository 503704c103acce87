/**
 * The Transformer's checkpoint, in the LSTM checkpoint's conventions (textgen/checkpoint.ts):
 * a tf.io `model.json` whose weights manifest points at `weights.bin` (float16 when shipped),
 * plus `meta.json`. The topology is the config alone; the weights are named as in weights.ts.
 * No layers API: tf.io.encodeWeights / decodeWeights do the bytes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { modelJson } from '../textgen/checkpoint';
import { parseConfig, type TransformerConfig } from './config';
import { weightProblem, weightShapes, type Weights } from './weights';

/** model.json's `format` for this model. */
export const FORMAT = 'char-transformer';

export interface TransformerCheckpointMeta {
  /** chars[id], chars[0] = <unk>: the LSTM's vocabulary. */
  vocab: string[];
  config: TransformerConfig;
  parameters: number;
  seed: number;
  corpus: { file: string; sha256: string; characters: number };
  /** The LSTM's split (makeWindows(characters, seqLen, seed)); validation is on its `val` windows. */
  split: { seqLen: number; seed: number; validationCharacters: number };
  /** Training windows' length, characters. */
  trainLen: number;
  /** Epochs of the weights written (early stopping keeps the epoch with the lowest validation loss). */
  epochs: number;
  /** Per-epoch mean training loss and validation loss (nats/char), and seconds since training began. */
  history?: { epoch: number; loss: number; valLoss: number; seconds: number }[];
  batchSize: number;
  learningRate: number;
  backend: string;
  /** Wall-clock seconds of training, and CPU seconds (what the time box counts; less than wall time on a busy machine). */
  trainingSeconds: number;
  trainingCpuSeconds?: number;
  /** Validation cross-entropy, nats and bits per character, before and after float16. */
  validation: { loss: number; bitsPerChar: number; perplexity: number; lossFloat16: number; bitsPerCharFloat16: number };
  weights: 'float16';
}

/** The weights as in-memory tf.io artifacts (float32), in weightShapes order, with the config as topology. */
export async function toArtifacts(c: TransformerConfig, w: Weights): Promise<tf.io.ModelArtifacts> {
  const problem = weightProblem(c, w);
  if (problem) throw new Error(problem);
  const ordered: tf.NamedTensorMap = Object.fromEntries(weightShapes(c).map(([name]) => [name, w[name]]));
  const { data, specs } = await tf.io.encodeWeights(ordered);
  return {
    modelTopology: { config: { ...c } },
    weightSpecs: specs,
    weightData: data,
    format: FORMAT,
    generatedBy: `TensorFlow.js tfjs-core v${tf.version_core}`,
  };
}

/** model.json for `artifacts`: the LSTM's layout with this model's format. */
export const transformerModelJson = (artifacts: tf.io.ModelArtifacts, weightsFile = 'weights.bin') => ({
  ...modelJson(artifacts, weightsFile),
  format: FORMAT,
});

/**
 * The model's config from artifacts, without decoding the weights (a page reads it before handing
 * the weights to a worker). Throws an Error in words when the format or the config is not this model's.
 */
export function configOf(artifacts: tf.io.ModelArtifacts): TransformerConfig {
  if (artifacts.format !== FORMAT) throw new Error(`不是 Transformer 检查点（格式 ${String(artifacts.format)}）`);
  const topology = artifacts.modelTopology;
  const config = parseConfig(
    topology && !(topology instanceof ArrayBuffer) && Object.hasOwn(topology, 'config') ? (topology as { config: unknown }).config : undefined,
  );
  if (!config) throw new Error('检查点的模型配置无效');
  return config;
}

/**
 * The config and weights (float32 tensors, the caller owns them) from artifacts, float16 or not.
 * Throws an Error in words when the format, the config or a weight is not what this model needs.
 */
export function fromArtifacts(artifacts: tf.io.ModelArtifacts): { config: TransformerConfig; weights: tf.NamedTensorMap } {
  const config = configOf(artifacts);
  if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('检查点缺少权重');
  const weights = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  const problem = weightProblem(config, weights);
  if (problem) {
    tf.dispose(Object.values(weights));
    throw new Error(`检查点不合模型：${problem}`);
  }
  return { config, weights };
}
