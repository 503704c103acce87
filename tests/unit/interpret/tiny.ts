/** Tiny seeded models of both architectures for the interpretability tests. */
import * as tf from '@tensorflow/tfjs-core';
import { lstmShapes } from '../../../src/lib/compress/shapes';
import { gaussian, mulberry32 } from '../../../src/lib/nn/prng';
import type { TransformerConfig } from '../../../src/lib/transformer/config';
import { initWeights } from '../../../src/lib/transformer/weights';

/** An LSTM with V = 9, E = 5, U = 6 and weights N(0, 0.7²) from `seed`, by tfjs-layers names. */
export function tinyLstm(seed: number): tf.NamedTensorMap {
  const rng = mulberry32(seed);
  return Object.fromEntries(
    lstmShapes({ vocabSize: 9, embeddingSize: 5, units: 6 }).map(([n, s]) => [
      n,
      tf.tensor(
        Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => 0.7 * gaussian(rng)),
        [...s],
      ),
    ]),
  );
}

export const TINY_GPT: TransformerConfig = { vocabSize: 11, contextLength: 8, dModel: 8, heads: 2, layers: 2, dFF: 16, dropout: 0, tiedEmbeddings: true };

/**
 * The tiny Transformer with GPT-2's initialisation scaled up (×15), so attention is far from
 * uniform and the saliency is not flat.
 */
export function tinyGpt(seed: number): Record<string, tf.Tensor> {
  const vars = initWeights(TINY_GPT, seed);
  const out = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, tf.tidy(() => (k.endsWith('gamma') ? tf.clone(v) : tf.add(tf.mul(v, 15), 0.01)))]));
  tf.dispose(Object.values(vars));
  return out;
}
