/**
 * Scoring a (compressed) model on held-out windows, in small chunks the page can interleave
 * with painting: each chunk returns Σ −ln p(target) and the model's top-1 guess at every
 * position, so perplexity and agreement with the original add up over chunks.
 * Validation perplexity = exp(mean cross-entropy over every target character), the rule of
 * transformer/train.ts `validationLoss`; for the LSTM the exact −ln p, where textgen/train.ts
 * clamps p at 1e-7 (a rare held-out character can fall below it). Every tensor made here is freed.
 */
import * as tf from '@tensorflow/tfjs-core';
import { CharStepper } from '../textgen/stepper';
import type { NextCharModel } from '../textgen/generate';
import { gatherBatch } from '../textgen/windows';
import type { TransformerConfig } from '../transformer/config';
import { forward } from '../transformer/forward';
import { TransformerStepper } from '../transformer/stepper';
import type { PlainTensor } from './quantize';

/** Which architecture the tensors belong to; the Transformer needs its config. */
export type Architecture = { kind: 'lstm' } | { kind: 'gpt'; config: TransformerConfig };

export interface ChunkScore {
  /** Σ −ln p(target), nats, over the chunk's targets. */
  nll: number;
  /** Targets scored. */
  count: number;
  /** The model's most likely next character at each position, row-major [windows, len]. */
  top1: Int32Array;
}

/** Tensors (float32) for plain weights, by name; the caller owns them. */
export const toTensors = (tensors: readonly PlainTensor[]): tf.NamedTensorMap =>
  Object.fromEntries(tensors.map((t) => [t.name, tf.tensor(t.values, t.shape, 'float32')]));

/** Plain copies of named tensors, in the given order of names (the tensors stay the caller's). */
export const toPlain = (map: tf.NamedTensorMap, names: readonly string[] = Object.keys(map)): PlainTensor[] =>
  names.map((name) => ({ name, shape: [...map[name].shape], values: Float32Array.from(map[name].dataSync() as Float32Array) }));

/**
 * The LSTM's next-character logits for inputs x [B, T] (int32), [B·T, V], from zero state,
 * as the layers model computes them (gates i, f, c̃, o; see textgen/stepper.ts).
 */
export function lstmLogits(w: tf.NamedTensorMap, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [B, T] = x.shape;
    const [emb, K, R, b, D, d] = ['embedding/embeddings', 'lstm/kernel', 'lstm/recurrent_kernel', 'lstm/bias', 'dense/kernel', 'dense/bias'].map((n) => {
      if (!Object.hasOwn(w, n)) throw new Error(`检查点缺少权重 ${n}`);
      return w[n];
    });
    const U = R.shape[0];
    const e = tf.gather(emb, x); // [B, T, E]
    let h: tf.Tensor = tf.zeros([B, U]);
    let c: tf.Tensor = tf.zeros([B, U]);
    const hs: tf.Tensor[] = [];
    for (let t = 0; t < T; t++) {
      const xt = tf.reshape(tf.slice(e, [0, t, 0], [B, 1, -1]), [B, -1]);
      const z = tf.add(tf.add(tf.matMul(xt, K), tf.matMul(h, R)), b);
      const [zi, zf, zc, zo] = tf.split(z, 4, 1);
      c = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zc)));
      h = tf.mul(tf.sigmoid(zo), tf.tanh(c));
      hs.push(h);
    }
    return tf.add(tf.matMul(tf.reshape(tf.stack(hs, 1), [B * T, U]), D), d) as tf.Tensor2D;
  });
}

/** Next-character logits [B·T, V] of either model for inputs x [B, T]. */
function logitsOf(arch: Architecture, w: tf.NamedTensorMap, x: tf.Tensor2D): tf.Tensor2D {
  if (arch.kind === 'lstm') return lstmLogits(w, x);
  return tf.tidy(() => {
    const { logits } = forward(arch.config, w, x);
    return tf.reshape(logits, [-1, logits.shape[2]]) as tf.Tensor2D;
  });
}

/**
 * Scores the windows starting at `starts` (inputs ids[s … s+len), targets one further) with
 * weights `w`. Throws when a weight is missing or a window runs past the Transformer's context.
 */
export function scoreChunk(arch: Architecture, w: tf.NamedTensorMap, ids: Int32Array, starts: readonly number[], len: number): ChunkScore {
  const batch = gatherBatch(ids, starts, len);
  const [nll, top1] = tf.tidy(() => {
    const x = tf.tensor2d(batch.x, [starts.length, len], 'int32');
    const logits = logitsOf(arch, w, x);
    const logp = tf.logSoftmax(logits);
    const picked = tf.sum(tf.mul(logp, tf.oneHot(tf.tensor1d(batch.y, 'int32'), logits.shape[1])), 1);
    return [tf.neg(tf.sum(picked)), tf.argMax(logits, 1)];
  });
  const out = { nll: nll.dataSync()[0], count: batch.y.length, top1: Int32Array.from(top1.dataSync()) };
  tf.dispose([nll, top1]);
  return out;
}

/** A one-character-at-a-time model over these weights, for generate(); it takes ownership of `w`. */
export const stepperFor = (arch: Architecture, w: tf.NamedTensorMap): NextCharModel & { dispose(): void } =>
  arch.kind === 'lstm' ? new CharStepper(w) : new TransformerStepper(arch.config, w);
