/** Transformer tests run on TF.js's CPU backend in Node, with gradients, on configs small enough to be quick. */
import * as tf from '@tensorflow/tfjs-core';
import { gaussian, mulberry32 } from '../../../src/lib/nn/prng';
import type { TransformerConfig } from '../../../src/lib/transformer/config';
import { weightShapes, type Variables } from '../../../src/lib/transformer/weights';
export { useCpu } from '../nn/tf';

export const TINY: TransformerConfig = { vocabSize: 11, contextLength: 8, dModel: 8, heads: 2, layers: 2, dFF: 16, dropout: 0.1, tiedEmbeddings: true };

/** A fixed id sequence of length n over the tiny vocabulary. */
export const someIds = (n: number, vocab = TINY.vocabSize) => Array.from({ length: n }, (_, i) => (i * 7 + 3) % vocab);

/**
 * Weights drawn N(0, 0.5²) everywhere (LayerNorm gains included), seeded: far from the near-uniform
 * start of initWeights, so attention is sharp and a wrong index or a missing term shows.
 */
export function boldWeights(c: TransformerConfig, seed: number): Variables {
  const rng = mulberry32(seed);
  return Object.fromEntries(
    weightShapes(c).map(([name, shape]) => {
      const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 0.5 * gaussian(rng));
      return [name, tf.tidy(() => tf.variable(tf.tensor(values, shape)))];
    }),
  );
}
