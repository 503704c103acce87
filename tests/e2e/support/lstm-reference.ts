/**
 * An independent float64 re-implementation of the §5.2 LSTM (Keras gate order i, f, c̃, o;
 * σ the logistic sigmoid), for end-to-end tests that recompute what the interpretability view
 * shows: hidden activations, the predicted character, and the gradient saliency by central
 * differences. On purpose without importing src/lib, so a bug there cannot hide itself.
 */
import { join } from 'node:path';
import { loadTangGpt } from './tang-gpt';

export interface LstmRef {
  vocab: string[];
  emb: number[][];
  K: number[][];
  R: number[][];
  b: number[];
  D: number[][];
  d: number[];
}

/** Reads a checkpoint in the LSTM's tf.io layout (default: the site's public/models/poetry), decoding float16 itself. */
export function loadLstmRef(dir = join(process.cwd(), 'public/models/poetry')): LstmRef {
  const m = loadTangGpt(dir);
  return {
    vocab: m.vocab,
    emb: m.w('embedding/embeddings'),
    K: m.w('lstm/kernel'),
    R: m.w('lstm/recurrent_kernel'),
    b: m.v('lstm/bias'),
    D: m.w('dense/kernel'),
    d: m.v('dense/bias'),
  };
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** acts[t][u] = h_t[u] after each character, and the next-character logits after the last; `delta` shifts input j's embedding. */
export function runLstm(m: LstmRef, ids: number[], delta?: { j: number; k: number; by: number }): { acts: number[][]; logits: number[] } {
  const U = m.R.length;
  let h = new Array<number>(U).fill(0);
  let c = new Array<number>(U).fill(0);
  const acts: number[][] = [];
  ids.forEach((id, t) => {
    const e = m.emb[id].slice();
    if (delta && delta.j === t) e[delta.k] += delta.by;
    const z = m.b.slice();
    e.forEach((x, i) => m.K[i].forEach((w, g) => (z[g] += x * w)));
    h.forEach((x, i) => m.R[i].forEach((w, g) => (z[g] += x * w)));
    c = c.map((cu, u) => sig(z[U + u]) * cu + sig(z[u]) * Math.tanh(z[2 * U + u]));
    h = c.map((cu, u) => sig(z[3 * U + u]) * Math.tanh(cu));
    acts.push(h);
  });
  const logits = m.d.map((bias, v) => h.reduce((s, x, u) => s + x * m.D[u][v], bias));
  return { acts, logits };
}

/** ln softmax(logits)[y]. */
export function logProb(logits: number[], y: number): number {
  const top = Math.max(...logits);
  return logits[y] - top - Math.log(logits.reduce((s, z) => s + Math.exp(z - top), 0));
}

/** ‖∂ ln p(y)/∂e_j‖₂ by central differences in every embedding dimension. */
export function saliencyAt(m: LstmRef, ids: number[], j: number, y: number, eps = 1e-4): number {
  let sum = 0;
  for (let k = 0; k < m.emb[0].length; k++) {
    const up = logProb(runLstm(m, ids, { j, k, by: eps }).logits, y);
    const down = logProb(runLstm(m, ids, { j, k, by: -eps }).logits, y);
    sum += ((up - down) / (2 * eps)) ** 2;
  }
  return Math.sqrt(sum);
}
