/**
 * Turning the model's next-character distribution into a choice. Temperature T reshapes it as
 * p_i^(1/T) / Σ_j p_j^(1/T); as T → 0 that tends to the argmax, so small T *is* greedy (no
 * division by zero). Top-k keeps only the k likeliest characters before sampling.
 */
import type { Rng } from '../nn/prng';

/** Below this temperature the choice is the argmax: the limit of T → 0. */
export const GREEDY_BELOW = 1e-3;

export function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

/**
 * The distribution actually sampled from, after temperature and top-k; sums to 1. Runs once per
 * generated character over the whole vocabulary (3,000 characters), so each log is taken once
 * and the top-k set is a mask: about 3× faster than a log per pass, with the very same doubles
 * (same operations in the same order), so a seed still writes the same text.
 */
export function reshape(probs: ArrayLike<number>, temperature: number, topK = 0): Float64Array {
  const n = probs.length;
  const out = new Float64Array(n);
  if (temperature < GREEDY_BELOW) {
    out[argmax(probs)] = 1;
    return out;
  }
  let keep: Uint8Array | null = null;
  if (topK > 0 && topK < n) {
    keep = new Uint8Array(n);
    for (const i of topIndices(probs, topK)) keep[i] = 1;
  }
  // Work in logs, shifted by the max, so p^(1/T) neither underflows nor overflows; `out` holds
  // log(p)/T until the second pass turns it into exp(log(p)/T − max).
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (keep && !keep[i]) continue;
    out[i] = Math.log(probs[i]) / temperature;
    max = Math.max(max, out[i]);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (keep && !keep[i]) continue;
    out[i] = Math.exp(out[i] - max);
    sum += out[i];
  }
  for (let i = 0; i < n; i++) out[i] /= sum;
  return out;
}

/** Draws an index from a distribution that sums to 1. */
export function draw(dist: ArrayLike<number>, rng: Rng): number {
  let u = rng();
  for (let i = 0; i < dist.length; i++) {
    u -= dist[i];
    if (u < 0) return i;
  }
  return argmax(dist); // rounding left a sliver of u
}

export const sample = (probs: ArrayLike<number>, temperature: number, rng: Rng, topK = 0): number =>
  temperature < GREEDY_BELOW ? argmax(probs) : draw(reshape(probs, temperature, topK), rng);

/**
 * The k likeliest indices, most likely first (ties by lower index). One pass with a k-long
 * sorted buffer, O(V·k) at worst and about O(V) in practice: it runs once per generated
 * character over a 3,000-character vocabulary, where sorting all of it cost more than the LSTM.
 */
export function topIndices(p: ArrayLike<number>, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (top.length === k) {
      if (!(p[i] > p[top[k - 1]])) continue;
      top.pop();
    }
    let j = top.length;
    while (j > 0 && p[i] > p[top[j - 1]]) j--;
    top.splice(j, 0, i);
  }
  return top;
}

/**
 * What a reader sees behind a drawn character: the k likeliest, plus the one actually drawn when
 * temperature or chance picked it from outside them.
 */
export function shownIndices(p: ArrayLike<number>, drawn: number, k = 10): number[] {
  const top = topIndices(p, k);
  return top.includes(drawn) ? top : [...top, drawn];
}

/** exp(mean negative log-likelihood): the average number of characters the model hesitates between. */
export const perplexity = (meanCrossEntropy: number) => Math.exp(meanCrossEntropy);
