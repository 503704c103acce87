/**
 * Character-by-character inference with the trained layers' own weights, carrying the LSTM
 * state (h, c) from one character to the next, so each new character costs one LSTM step
 * instead of re-reading the whole window. With Keras's gate order (i, f, c̃, o):
 *   z = x·K + h·R + b,   i = σ(z_i), f = σ(z_f), c̃ = tanh(z_c), o = σ(z_o)
 *   c ← f ⊙ c + i ⊙ c̃,   h ← o ⊙ tanh(c),   p = softmax(h·D + d)
 * A unit test checks this equals the layers model's own output at every position.
 * For sampling, `stepTempered` returns instead what generation draws from (tempered.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { knownOnly } from './tempered';

/** The six weight tensors the step needs, by their tfjs-layers names. */
export const WEIGHT_NAMES = ['embedding/embeddings', 'lstm/kernel', 'lstm/recurrent_kernel', 'lstm/bias', 'dense/kernel', 'dense/bias'] as const;

export class CharStepper {
  private readonly emb: tf.Tensor2D;
  private readonly K: tf.Tensor2D;
  private readonly R: tf.Tensor2D;
  private readonly b: tf.Tensor1D;
  private readonly D: tf.Tensor2D;
  private readonly d: tf.Tensor1D;
  /** d with −∞ for <unk> (id 0): the output layer's bias when sampling, which never writes <unk>. */
  private readonly dKnown: tf.Tensor1D;
  /**
   * The output layer for sampling at temperature T: D/T and dKnown/T, so that
   * softmax(h·(D/T) + dKnown/T) = softmax((h·D + dKnown)/T) costs no kernel more than `step`.
   * Made on the first step at T (a generation run keeps one T).
   */
  private head: { temperature: number; D: tf.Tensor2D; d: tf.Tensor1D } | null = null;
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
    this.dKnown = knownOnly(this.d);
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

  /** Feeds one character id; returns the distribution over the next character, p = softmax(h·D + d), length V. */
  step(id: number): Float32Array {
    return this.advance(id, (h) => tf.softmax(tf.add(tf.matMul(h, this.D), this.d)));
  }

  /**
   * Feeds one character id; returns the distribution sampling draws from at `temperature` T > 0:
   * softmax((h·D + d) / T) over the known characters, 0 for <unk> (tempered.ts), length V.
   */
  stepTempered(id: number, temperature: number): Float32Array {
    const { D, d } = this.headAt(temperature);
    return this.advance(id, (h) => tf.softmax(tf.add(tf.matMul(h, D), d)));
  }

  private headAt(temperature: number): { D: tf.Tensor2D; d: tf.Tensor1D } {
    if (this.head?.temperature === temperature) return this.head;
    this.disposeHead();
    this.head =
      temperature === 1
        ? { temperature, D: this.D, d: this.dKnown }
        : { temperature, ...tf.tidy(() => ({ D: tf.div(this.D, temperature) as tf.Tensor2D, d: tf.div(this.dKnown, temperature) as tf.Tensor1D })) };
    return this.head;
  }

  /** Frees the scaled output layer, when it is a copy. */
  private disposeHead(): void {
    if (this.head && this.head.D !== this.D) tf.dispose([this.head.D, this.head.d]);
    this.head = null;
  }

  /** One LSTM step from `id`, carrying (h, c); returns `head`(h) read back. */
  private advance(id: number, head: (h: tf.Tensor2D) => tf.Tensor): Float32Array {
    const U = this.units;
    const [h, c, p] = tf.tidy(() => {
      const x = tf.gather(this.emb, tf.tensor1d([id], 'int32'));
      const z = tf.add(tf.add(tf.matMul(x, this.K), tf.matMul(this.h, this.R)), this.b);
      const [zi, zf, zc, zo] = tf.split(z, [U, U, U, U], 1);
      const c = tf.add(tf.mul(tf.sigmoid(zf), this.c), tf.mul(tf.sigmoid(zi), tf.tanh(zc)));
      const h = tf.mul(tf.sigmoid(zo), tf.tanh(c)) as tf.Tensor2D;
      return [h, c, head(h)] as tf.Tensor2D[];
    });
    tf.dispose([this.h, this.c]);
    this.h = h;
    this.c = c;
    const probs = p.dataSync() as Float32Array;
    p.dispose();
    return probs;
  }

  dispose(): void {
    this.disposeHead();
    tf.dispose([this.emb, this.K, this.R, this.b, this.D, this.d, this.dKnown, this.h, this.c]);
  }
}
