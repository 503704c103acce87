/**
 * The Transformer's weights by name, in one fixed order, with their shapes, and a seeded
 * initialisation in plain JavaScript (so a seed gives the same numbers on every backend).
 * Initialisation as GPT-2 (Radford et al. 2019, §2.3): N(0, 0.02²) for the embeddings and
 * every matrix, the two projections that write into the residual stream (W_O and the MLP's W_2)
 * scaled by 1/√(2N); biases 0; LayerNorm gain γ = 1 and shift β = 0 (Ba et al. 2016).
 */
import * as tf from '@tensorflow/tfjs-core';
import { gaussian, mulberry32 } from '../nn/prng';
import type { TransformerConfig } from './config';

/** Weights by name; a tf.Variable is a Tensor, so a training model and a loaded checkpoint both fit. */
export type Weights = Readonly<Record<string, tf.Tensor>>;
/** A model being trained: its weights as named variables (the keys, not the variables' own names). */
export type Variables = Record<string, tf.Variable>;

const STD = 0.02;

/** `block{l}/…` names of layer l. */
export const blockName = (l: number, part: string) => `block${l}/${part}`;

/**
 * Every weight as [name, shape], d = dModel, V = vocabSize, T = contextLength:
 * tok_emb [V, d], pos_emb [T, d]; per block l: ln1/gamma, ln1/beta [d]; attn/wq, wk, wv, wo
 * [d, d] with bq, bk, bv, bo [d]; ln2/gamma, ln2/beta [d]; mlp/w1 [d, d_ff], mlp/b1 [d_ff],
 * mlp/w2 [d_ff, d], mlp/b2 [d]; then lnf/gamma, lnf/beta [d], head/bias [V], and head/kernel
 * [d, V] only when the embeddings are not tied. Sizes sum to parameterCount(config).
 */
export function weightShapes(c: TransformerConfig): [string, number[]][] {
  const d = c.dModel;
  const out: [string, number[]][] = [
    ['tok_emb', [c.vocabSize, d]],
    ['pos_emb', [c.contextLength, d]],
  ];
  for (let l = 0; l < c.layers; l++) {
    const b = (part: string, shape: number[]) => out.push([blockName(l, part), shape]);
    b('ln1/gamma', [d]);
    b('ln1/beta', [d]);
    for (const m of ['q', 'k', 'v', 'o']) {
      b(`attn/w${m}`, [d, d]);
      b(`attn/b${m}`, [d]);
    }
    b('ln2/gamma', [d]);
    b('ln2/beta', [d]);
    b('mlp/w1', [d, c.dFF]);
    b('mlp/b1', [c.dFF]);
    b('mlp/w2', [c.dFF, d]);
    b('mlp/b2', [d]);
  }
  out.push(['lnf/gamma', [d]], ['lnf/beta', [d]], ['head/bias', [c.vocabSize]]);
  if (!c.tiedEmbeddings) out.push(['head/kernel', [d, c.vocabSize]]);
  return out;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** The starting value of one weight, by the rule in the file comment. */
function initial(name: string, shape: number[], c: TransformerConfig, rng: () => number): Float32Array {
  const values = new Float32Array(size(shape));
  if (name.endsWith('/gamma')) return values.fill(1);
  if (shape.length === 1) return values; // biases and β
  const scale = /attn\/wo$|mlp\/w2$/.test(name) ? STD / Math.sqrt(2 * c.layers) : STD;
  for (let i = 0; i < values.length; i++) values[i] = scale * gaussian(rng);
  return values;
}

/** Seeded starting values, name → flat float32 values in weightShapes order; the same seed gives the same numbers. */
export function initialValues(c: TransformerConfig, seed: number): Map<string, Float32Array> {
  const rng = mulberry32(seed);
  return new Map(weightShapes(c).map(([name, shape]) => [name, initial(name, shape, c, rng)]));
}

/** Trainable variables with seeded starting values (see initialValues). Free them with disposeWeights. */
export function initWeights(c: TransformerConfig, seed: number): Variables {
  const values = initialValues(c, seed);
  const shapes = weightShapes(c);
  return Object.fromEntries(shapes.map(([name, shape]) => [name, tf.tidy(() => tf.variable(tf.tensor(values.get(name)!, shape), true))]));
}

/**
 * Checks that `w` holds every weight of `c` with its shape (own keys only); returns the first
 * problem in words, or null when the weights fit the config.
 */
export function weightProblem(c: TransformerConfig, w: Readonly<Record<string, unknown>>): string | null {
  for (const [name, shape] of weightShapes(c)) {
    const t = Object.hasOwn(w, name) ? w[name] : undefined;
    if (!(t instanceof tf.Tensor)) return `缺少权重 ${name}`;
    if (t.shape.join('×') !== shape.join('×')) return `权重 ${name} 的形状是 ${t.shape.join('×')}，应为 ${shape.join('×')}`;
  }
  return null;
}

/** Frees every weight. */
export function disposeWeights(w: Weights): void {
  tf.dispose(Object.values(w));
}

/** Copies of the weights as plain tensors (not variables), e.g. for a stepper that must not change while training goes on. */
export const cloneWeights = (w: Weights): Record<string, tf.Tensor> => Object.fromEntries(Object.entries(w).map(([k, t]) => [k, tf.clone(t)]));

/** Trainable variables holding loaded weights (e.g. a checkpoint to train on); takes ownership of `w`. */
export function toVariables(w: Record<string, tf.Tensor>): Variables {
  const vars = Object.fromEntries(Object.entries(w).map(([k, t]) => [k, tf.variable(t, true)]));
  disposeWeights(w);
  return vars;
}
