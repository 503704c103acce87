/**
 * Character-by-character inference with the trained layers' own weights, carrying the LSTM
 * state (h, c) from one character to the next, so each new character costs one LSTM step
 * instead of re-reading the whole window. With Keras's gate order (i, f, c̃, o):
 *   z = x·K + h·R + b,   i = σ(z_i), f = σ(z_f), c̃ = tanh(z_c), o = σ(z_o)
 *   c ← f ⊙ c + i ⊙ c̃,   h ← o ⊙ tanh(c),   p = softmax(h·D + d)
 * A unit test checks this equals the layers model's own output at every position.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

export class CharStepper {
  private readonly emb: tf.Tensor2D;
  private readonly K: tf.Tensor2D;
  private readonly R: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly D: tf.Tensor2D;
  private readonly d: tf.Tensor1D;
  private readonly units: number;
  private h: tf.Tensor2D;
  private c: tf.Tensor2D;

  /** Copies the weights, so training the model afterwards does not change this stepper. */
  constructor(model: tfl.LayersModel) {
    const [emb] = model.getLayer('embedding').getWeights();
    const [K, R, b] = model.getLayer('lstm').getWeights();
    const [D, d] = model.getLayer('dense').getWeights();
    [this.emb, this.K, this.R, this.b, this.D, this.d] = [emb, K, R, b, D, d].map((w) => tf.clone(w)) as [
      tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D,
    ];
    this.units = R.shape[0];
    this.h = tf.zeros([1, this.units]);
    this.c = tf.zeros([1, this.units]);
  }

  /** Back to the state before any character: h = c = 0. */
  reset(): void {
    tf.dispose([this.h, this.c]);
    this.h = tf.zeros([1, this.units]);
    this.c = tf.zeros([1, this.units]);
  }

  /** Feeds one character id; returns the distribution over the next character. */
  step(id: number): Float32Array {
    const U = this.units;
    const [h, c, p] = tf.tidy(() => {
      const x = tf.gather(this.emb, tf.tensor1d([id], 'int32'));
      const z = tf.add(tf.add(tf.matMul(x, this.K), tf.matMul(this.h, this.R)), this.b);
      const [zi, zf, zc, zo] = tf.split(z, [U, U, U, U], 1);
      const c = tf.add(tf.mul(tf.sigmoid(zf), this.c), tf.mul(tf.sigmoid(zi), tf.tanh(zc)));
      const h = tf.mul(tf.sigmoid(zo), tf.tanh(c));
      const p = tf.softmax(tf.add(tf.matMul(h, this.D), this.d));
      return [h, c, p] as tf.Tensor2D[];
    });
    tf.dispose([this.h, this.c]);
    this.h = h;
    this.c = c;
    const probs = p.dataSync() as Float32Array;
    p.dispose();
    return probs;
  }

  dispose(): void {
    tf.dispose([this.emb, this.K, this.R, this.b, this.D, this.d, this.h, this.c]);
  }
}
