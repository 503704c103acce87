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

/** The six weight tensors the step needs, by their tfjs-layers names. */
export const WEIGHT_NAMES = ['embedding/embeddings', 'lstm/kernel', 'lstm/recurrent_kernel', 'lstm/bias', 'dense/kernel', 'dense/bias'] as const;

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

  /**
   * Takes ownership of the weights, by name, as tf.io.decodeWeights returns them from a
   * checkpoint: the page can generate without loading the layers API at all.
   */
  constructor(weights: tf.NamedTensorMap) {
    const pick = (name: string) => {
      if (!weights[name]) throw new Error(`检查点缺少权重 ${name}`);
      return weights[name];
    };
    [this.emb, this.K, this.R, this.b, this.D, this.d] = WEIGHT_NAMES.map(pick) as [
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
      tf.Tensor2D,
      tf.Tensor1D,
    ];
    this.units = this.R.shape[0];
    this.h = tf.zeros([1, this.units]);
    this.c = tf.zeros([1, this.units]);
  }

  /** Copies a layers model's weights, so training the model afterwards does not change this stepper. */
  static fromModel(model: tfl.LayersModel): CharStepper {
    const layers = ['embedding', 'lstm', 'dense'].flatMap((n) => model.getLayer(n).getWeights());
    return new CharStepper(Object.fromEntries(WEIGHT_NAMES.map((name, i) => [name, tf.clone(layers[i])])));
  }

  get vocabSize(): number {
    return this.emb.shape[0];
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
