/**
 * Character-by-character inference with a key/value cache: each layer keeps the keys and values
 * of the positions already read, so a new character runs the model on one position only, its
 * query attending over the cached keys. Everything but the attention itself (the projections,
 * the MLP, the d×V output head) costs the same for every character; the attention is one
 * dot product per cached key, O(S·d) beside the O(d² + d·d_ff + d·V) of the rest.
 *
 * Past the context length there is no position embedding left, so the stepper slides: when the
 * cache is full it keeps the last ⌈T_max/2⌉ characters (the new one included), recomputes
 * their keys and values in one forward pass at positions 0 … ⌈T_max/2⌉−1, and goes on from
 * there. That recompute happens once every ⌊T_max/2⌋ characters, so the cost per character
 * stays bounded; the model never sees more than T_max characters, as in training.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TransformerConfig } from './config';
import { forwardOne } from './forward';
import { disposeStep, prepareStep, stepOne, toKvCache, type KvCache, type StepWeights } from './kv-step';
import { cloneWeights, disposeWeights, weightProblem, type Weights } from './weights';
import { temperedSoftmax, unknownMask } from '../textgen/tempered';

export class TransformerStepper {
  private cache: KvCache[] | null = null;
  /** The ids now in the cache, oldest first (at most contextLength). */
  private history: number[] = [];
  /** The weights rearranged for one-position steps (kv-step.ts). */
  private readonly fast: StepWeights;
  /** Added to the logits when sampling: −∞ for <unk> (id 0), which is never written (textgen/tempered.ts). */
  private readonly unknown: tf.Tensor1D;

  /** Takes ownership of `weights` (e.g. tf.io.decodeWeights's result); throws when they do not fit `config`. */
  constructor(
    readonly config: TransformerConfig,
    private readonly weights: Weights,
  ) {
    const problem = weightProblem(config, weights);
    if (problem) throw new Error(`检查点不合模型：${problem}`);
    this.fast = prepareStep(config, weights);
    this.unknown = unknownMask(config.vocabSize);
  }

  /** Copies a training model's weights, so training on afterwards does not change this stepper. */
  static fromWeights(config: TransformerConfig, weights: Weights): TransformerStepper {
    return new TransformerStepper(config, cloneWeights(weights));
  }

  get vocabSize(): number {
    return this.config.vocabSize;
  }

  /** Characters the next step attends over, besides itself. */
  get position(): number {
    return this.history.length;
  }

  /** Forgets every character read. */
  reset(): void {
    this.dropCache();
    this.history = [];
  }

  /** Feeds one character id; returns the next character's unnormalised scores (logits), length V. */
  stepLogits(id: number): Float32Array {
    const t = this.advance(id);
    const out = t.dataSync() as Float32Array;
    t.dispose();
    return out;
  }

  /** Feeds one character id; returns the distribution over the next character, softmax of the logits. */
  step(id: number): Float32Array {
    const logits = this.advance(id);
    const p = tf.softmax(logits);
    logits.dispose();
    const out = p.dataSync() as Float32Array;
    p.dispose();
    return out;
  }

  /**
   * Feeds one character id; returns the distribution sampling draws from at `temperature` T > 0:
   * softmax(logits / T) over the known characters, 0 for <unk> (textgen/tempered.ts), length V.
   */
  stepTempered(id: number, temperature: number): Float32Array {
    const logits = this.advance(id);
    const q = tf.tidy(() => temperedSoftmax(tf.add(logits, this.unknown), temperature));
    logits.dispose();
    const out = q.dataSync() as Float32Array;
    q.dispose();
    return out;
  }

  /** Reads `id` (sliding when the cache is full); returns the logits [1, V] for the next character. */
  private advance(id: number): tf.Tensor2D {
    if (this.history.length < this.config.contextLength) {
      const r = stepOne(this.config, this.fast, id, this.history.length, this.cache);
      this.dropCache();
      this.cache = r.cache;
      this.history.push(id);
      return r.logits;
    }
    const ids = [...this.history.slice(-(Math.ceil(this.config.contextLength / 2) - 1)), id];
    const r = forwardOne(this.config, this.weights, ids, { cache: true });
    this.dropCache();
    this.cache = r.cache!.map((l) => toKvCache(l.k, l.v));
    tf.dispose(r.cache!.flatMap((l) => [l.k, l.v]));
    this.history = ids;
    const last = tf.tidy(() => tf.reshape(tf.slice(r.logits, [0, ids.length - 1, 0], [1, 1, -1]), [1, -1]) as tf.Tensor2D);
    r.logits.dispose();
    return last;
  }

  private dropCache(): void {
    if (this.cache) tf.dispose(this.cache);
    this.cache = null;
  }

  /** Frees the weights and the cache. */
  dispose(): void {
    this.dropCache();
    disposeStep(this.fast);
    disposeWeights(this.weights);
    this.unknown.dispose();
  }
}
