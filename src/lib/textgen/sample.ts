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
 * The distribution actually sampled from, after temperature and top-k, in doubles from the model's
 * p; sums to 1. The formula itself, worked in logs; the generation loop gets the same from the
 * backend instead (tempered.ts, then Sampler), and its tests compare with this.
 */
export function reshape(probs: ArrayLike<number>, temperature: number, topK = 0): Float64Array {
  const n = probs.length;
  const out = new Float64Array(n);
  if (temperature < GREEDY_BELOW) {
    out[argmax(probs)] = 1;
    return out;
  }
  let mask: Uint8Array | null = null;
  if (topK > 0 && topK < n) {
    mask = new Uint8Array(n);
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
 * The generation loop's sampling, from what the model's `stepTempered` gives (tempered.ts: the
 * known characters' p^(1/T), normalised by the backend, 0 for <unk>): top-k and the normalising
 * in doubles, with its buffers kept from one character to the next (a 3,000-character vocabulary
 * made 48 KB of arrays per character). The same distribution as reshape on the model's p with
 * <unk> set to 0, up to float32 rounding: about 10 µs a character where reshape took ~70 µs.
 */
export class Sampler {
  private dist = new Float64Array(0);
  private keep = new Uint8Array(0);

  /**
   * The distribution to draw from, summing to 1; valid until the next call, which overwrites it.
   * `tempered`: length V, ≥ 0, some entry > 0. `greedy`: one-hot at its argmax (the T → 0 limit).
   */
  next(tempered: Float32Array, greedy: boolean, topK = 0): Float64Array {
    const n = tempered.length;
    if (this.dist.length !== n) [this.dist, this.keep] = [new Float64Array(n), new Uint8Array(n)];
    const out = this.dist;
    if (greedy) {
      out.fill(0);
      out[argmax(tempered)] = 1;
      return out;
    }
    let mask: Uint8Array | null = null;
    if (topK > 0 && topK < n) {
      mask = this.keep;
      mask.fill(0);
      for (const i of topIndices(tempered, topK)) mask[i] = 1;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = mask && !mask[i] ? 0 : tempered[i];
      out[i] = v;
      sum += v;
    }
    for (let i = 0; i < n; i++) out[i] /= sum;
    return out;
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
  if (!(k >= 1)) return top;
  // The k-th largest so far, once there are k: most entries fail this one comparison.
  let floor = -Infinity;
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (top.length === k) {
      if (!(v > floor)) continue;
      top.pop();
    }
    let j = top.length;
    while (j > 0 && v > p[top[j - 1]]) j--;
    top.splice(j, 0, i);
    if (top.length === k) floor = p[top[k - 1]];
  }
  return top;
}

/**
 * What a reader sees behind a drawn character: the k likeliest of those that could have been
 * drawn (probability above 0), plus the one actually drawn when temperature or chance picked it
 * from outside them. Indices into p, likeliest first.
 */
export function shownIndices(p: ArrayLike<number>, drawn: number, k = 10): number[] {
  // A character of probability 0 (all but one at temperature 0, those outside the top k, <unk>)
  // could not have been drawn: it is no candidate.
  const top = topIndices(p, k).filter((i) => p[i] > 0);
  return top.includes(drawn) ? top : [...top, drawn];
}

/** exp(mean negative log-likelihood): the average number of characters the model hesitates between. */
export const perplexity = (meanCrossEntropy: number) => Math.exp(meanCrossEntropy);
