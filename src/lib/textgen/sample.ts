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
export const reshape = (probs: ArrayLike<number>, temperature: number, topK = 0): Float64Array =>
  reshapeInto(new Float64Array(probs.length), probs, temperature, topK);

/**
 * reshape written into `out` (probs.length long, every entry overwritten), so that a loop over
 * characters allocates nothing: the same doubles as reshape. `keep`: a probs.length scratch mask
 * for top-k, reused likewise. Returns `out`.
 */
export function reshapeInto(out: Float64Array, probs: ArrayLike<number>, temperature: number, topK = 0, keep?: Uint8Array): Float64Array {
  const n = probs.length;
  if (temperature < GREEDY_BELOW) {
    out.fill(0);
    out[argmax(probs)] = 1;
    return out;
  }
  let mask: Uint8Array | null = null;
  if (topK > 0 && topK < n) {
    mask = keep ?? new Uint8Array(n);
    mask.fill(0);
    for (const i of topIndices(probs, topK)) mask[i] = 1;
  }
  // Work in logs, shifted by the max, so p^(1/T) neither underflows nor overflows; `out` holds
  // log(p)/T until the second pass turns it into exp(log(p)/T − max).
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (mask && !mask[i]) {
      out[i] = 0;
      continue;
    }
    const v = Math.log(probs[i]) / temperature;
    out[i] = v;
    max = Math.max(max, v);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (mask && !mask[i]) continue;
    const e = Math.exp(out[i] - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < n; i++) out[i] /= sum;
  return out;
}

/**
 * The generation loop's sampling with its buffers kept from one character to the next (a
 * 3,000-character vocabulary made three arrays, 48 KB, per character): `next` gives the same
 * doubles as reshape on a copy of the model's distribution with <unk> (id 0) set to 0.
 */
export class Sampler {
  private known = new Float32Array(0);
  private dist = new Float64Array(0);
  private keep = new Uint8Array(0);

  /** The distribution to draw from; valid until the next call, which overwrites it. */
  next(probs: Float32Array, temperature: number, topK = 0): Float64Array {
    const n = probs.length;
    if (this.known.length !== n) [this.known, this.dist, this.keep] = [new Float32Array(n), new Float64Array(n), new Uint8Array(n)];
    this.known.set(probs);
    // <unk> (id 0) stands for "some rare character": a placeholder to read, never to write.
    if (n) this.known[0] = 0;
    return reshapeInto(this.dist, this.known, temperature, topK, this.keep);
  }
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
