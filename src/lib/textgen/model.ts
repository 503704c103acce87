/**
 * The §5.2 model, layer for layer as in the article's Keras code:
 *   Embedding(vocab, E) → LSTM(128, activation='tanh') → Dense(vocab, activation='softmax'),
 * compiled with adam and cross-entropy. Two deliberate differences, both explained in §5.2:
 * the LSTM returns its whole sequence, so every position of a window is a training example, and
 * targets are integer ids (sparse cross-entropy) rather than one-hot vectors.
 */
import * as tf from '@tensorflow/tfjs-core';
// The layers API calls chained tensor methods (x.flatten()); only the full tfjs bundle adds them.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as tfl from '@tensorflow/tfjs-layers';
import { dropOrthogonalWarning } from './quiet-warnings';

export interface ModelSizes {
  vocabSize: number;
  /** Keras's `embedding_size`. */
  embeddingSize: number;
  /** LSTM units: 128 in the article. */
  units: number;
}

export const DEFAULT_SIZES = { embeddingSize: 64, units: 128 } as const;
/** Adam's step size; a little above Keras's 0.001 default, which trains this model more slowly. */
export const LEARNING_RATE = 0.005;

/** What Keras's model.summary() reports for these sizes, layer by layer. */
export function kerasParamCounts({ vocabSize: V, embeddingSize: E, units: U }: ModelSizes) {
  return { embedding: V * E, lstm: 4 * (U * (E + U) + U), dense: U * V + V };
}

/**
 * Every initialiser is seeded, so a seed fixes every starting weight. Building it silences TF.js's
 * orthogonal-initializer warning for every later build or load too (quiet-warnings.ts).
 */
export function buildModel(sizes: ModelSizes, seed: number, learningRate = LEARNING_RATE): tfl.Sequential {
  dropOrthogonalWarning(console);
  const { vocabSize, embeddingSize, units } = sizes;
  const model = tfl.sequential({
    layers: [
      tfl.layers.embedding({
        inputDim: vocabSize,
        outputDim: embeddingSize,
        embeddingsInitializer: tfl.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed }),
        name: 'embedding',
      }),
      tfl.layers.lstm({
        units,
        activation: 'tanh',
        // TF 2's Keras default; tfjs-layers still defaults to the older hard sigmoid.
        recurrentActivation: 'sigmoid',
        returnSequences: true,
        kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 1 }),
        recurrentInitializer: tfl.initializers.orthogonal({ seed: seed + 2 }),
        name: 'lstm',
      }),
      tfl.layers.dense({
        units: vocabSize,
        activation: 'softmax',
        kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 3 }),
        name: 'dense',
      }),
    ],
  });
  compile(model, learningRate);
  return model;
}

export function compile(model: tfl.LayersModel, learningRate = LEARNING_RATE): void {
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'sparseCategoricalCrossentropy' });
}

/** [rows, columns] of a layer's 2-D weight; throws if the layer has no such weight (not our model). */
function matrixShape(model: tfl.LayersModel, layer: string, index: number): [number, number] {
  const [rows, cols] = model.getLayer(layer).getWeights()[index]?.shape ?? [];
  if (rows === undefined || cols === undefined) throw new Error(`层 ${layer} 缺少第 ${index + 1} 个二维权重`);
  return [rows, cols];
}

/** Sizes read back from a model's layers, e.g. after loading a checkpoint. Throws if the model lacks our layers. */
export function sizesOf(model: tfl.LayersModel): ModelSizes {
  const [vocabSize, embeddingSize] = matrixShape(model, 'embedding', 0);
  const [units] = matrixShape(model, 'lstm', 1);
  return { vocabSize, embeddingSize, units };
}

/** Frees the weights and the optimizer's slots (Adam's moments), which model.dispose() leaves when we made the optimizer. */
export function disposeModel(model: tfl.LayersModel): void {
  model.optimizer?.dispose();
  model.dispose();
}
