/**
 * The baseline ladder: how many nats (and bits) per character each model needs on the held-out
 * characters, from no knowledge (uniform) through character frequencies (unigram) and one
 * character of context (bigram) up to the LSTM and the Transformer (ladder-neural.ts).
 *
 * Held-out characters and the context rule (the same for every rung): the targets are those of
 * the §5.2 LSTM's validation windows (makeWindows: windows of `len` characters, `split.val`),
 * ids[v+1 … v+len] for a window starting at v. The target at ids[v+t+1] is predicted from the
 * window's own characters ids[v … v+t] only; every window starts afresh (an empty LSTM state, a
 * Transformer at position 0), exactly as both models' validationLoss compute it (textgen/train.ts
 * and transformer/train.ts). A bigram uses ids[v+t] from that context; a unigram none.
 *
 * The unigram and bigram are fitted on the training windows only (`split.train`: the pairs
 * ids[s+t] → ids[s+t+1], t < len, the very examples the LSTM learns from). Smoothing:
 *   unigram  p(b) = (c(b) + k) / (N + kV)                                  (add-k, Lidstone)
 *   bigram   p(b | a) = (c(a, b) + β·p(b)) / (c(a) + β)                   (Dirichlet prior on the unigram;
 *            MacKay & Peto 1995, "A hierarchical Dirichlet language model")
 * k and β are chosen on the training characters by leave-one-out likelihood (each occurrence is
 * scored by the model fitted without it; Ney, Essen & Kneser 1994), from a fixed grid of powers
 * of two, so no held-out character is used to choose them.
 */
import { punctuationMask } from './charclass';

/** Cross-entropy of a model on a set of target characters. */
export interface Score {
  /** Mean −ln p(target), nats per character. */
  nats: number;
  /** The same in bits per character: nats / ln 2. */
  bits: number;
  /** How many target characters it is the mean of. */
  characters: number;
}

/** One rung: over all held-out characters, and over those outside charclass.ts's punctuation and line breaks. */
export interface LadderRow {
  all: Score;
  content: Score;
}

/** The targets of windows `starts` of `len` characters, in order: ids[s+1 … s+len] for each s. Length starts.length·len. */
export function windowTargets(ids: Int32Array, starts: readonly number[], len: number): Int32Array {
  const out = new Int32Array(starts.length * len);
  starts.forEach((s, r) => out.set(ids.subarray(s + 1, s + len + 1), r * len));
  return out;
}

/** The contexts of the bigram: ids[s … s+len−1] for each s (the character before each target). */
export const windowInputs = (ids: Int32Array, starts: readonly number[], len: number): Int32Array =>
  windowTargets(
    ids,
    starts.map((s) => s - 1),
    len,
  );

/** Powers of two from 2^lo to 2^hi, the grids k and β are chosen from. */
export const powersOfTwo = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => 2 ** (lo + i));

/** The grid element with the highest `logLik` (the first on a tie). */
export function argmax(grid: readonly number[], logLik: (x: number) => number): number {
  let best = grid[0];
  let bestValue = -Infinity;
  for (const x of grid) {
    const v = logLik(x);
    if (v > bestValue) [best, bestValue] = [x, v];
  }
  return best;
}

export interface Unigram {
  /** p[id], summing to 1. */
  p: Float64Array;
  k: number;
}

/**
 * Add-k unigram over the targets `targets` (ids < V). Without `k`, k is chosen from 2^−8 … 2^4 by the
 * leave-one-out log-likelihood Σ_b c(b)·ln((c(b) − 1 + k) / (N − 1 + kV)). Throws RangeError on an id ≥ V.
 */
export function fitUnigram(targets: Int32Array, V: number, k?: number): Unigram {
  const counts = new Float64Array(V);
  for (const id of targets) {
    if (id < 0 || id >= V) throw new RangeError(`id ${id} outside the vocabulary of ${V}`);
    counts[id]++;
  }
  const N = targets.length;
  const loo = (kk: number) => counts.reduce((s, c) => (c > 0 ? s + c * Math.log((c - 1 + kk) / (N - 1 + kk * V)) : s), 0);
  const chosen = k ?? argmax(powersOfTwo(-8, 4), loo);
  return { p: counts.map((c) => (c + chosen) / (N + chosen * V)), k: chosen };
}

export interface Bigram {
  unigram: Unigram;
  /** c(a, b), keyed a·V + b. */
  pairs: Map<number, number>;
  /** c(a) = Σ_b c(a, b): how often a is a context. */
  contexts: Float64Array;
  beta: number;
  V: number;
}

/**
 * Bigram of `inputs[i] → targets[i]` (equal lengths) with a Dirichlet prior of strength β on the
 * unigram `unigram`. Without `beta`, β is chosen from 2^−2 … 2^12 by the leave-one-out
 * log-likelihood Σ_{a,b} c(a,b)·ln((c(a,b) − 1 + β·p(b)) / (c(a) − 1 + β)).
 */
export function fitBigram(inputs: Int32Array, targets: Int32Array, unigram: Unigram, beta?: number): Bigram {
  const V = unigram.p.length;
  const pairs = new Map<number, number>();
  const contexts = new Float64Array(V);
  inputs.forEach((a, i) => {
    const key = a * V + targets[i];
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    contexts[a]++;
  });
  const loo = (b: number) => {
    let sum = 0;
    for (const [key, c] of pairs) sum += c * Math.log((c - 1 + b * unigram.p[key % V]) / (contexts[Math.floor(key / V)] - 1 + b));
    return sum;
  };
  return { unigram, pairs, contexts, beta: beta ?? argmax(powersOfTwo(-2, 12), loo), V };
}

/** p(b | a) of a fitted bigram. */
export const bigramProb = (m: Bigram, a: number, b: number): number => ((m.pairs.get(a * m.V + b) ?? 0) + m.beta * m.unigram.p[b]) / (m.contexts[a] + m.beta);

/** ln p of each target under the uniform distribution over V characters: −ln V everywhere. */
export const uniformLogProbs = (n: number, V: number): Float64Array => new Float64Array(n).fill(-Math.log(V));

/** ln p(target) under a unigram, per target. */
export const unigramLogProbs = (m: Unigram, targets: Int32Array): Float64Array => Float64Array.from(targets, (b) => Math.log(m.p[b]));

/** ln p(target | input) under a bigram, per target (inputs[i] the character before targets[i]). */
export const bigramLogProbs = (m: Bigram, inputs: Int32Array, targets: Int32Array): Float64Array =>
  Float64Array.from(targets, (b, i) => Math.log(bigramProb(m, inputs[i], b)));

/** Mean −ln p over the targets where `keep(i)` holds; NaN (0 characters) when none does. */
function meanScore(logProbs: Float64Array, keep: (i: number) => boolean): Score {
  let sum = 0;
  let n = 0;
  logProbs.forEach((lp, i) => {
    if (!keep(i)) return;
    sum -= lp;
    n++;
  });
  const nats = sum / n;
  return { nats, bits: nats / Math.LN2, characters: n };
}

/**
 * A rung of the ladder from per-target ln p (nats; logProbs[i] for targets[i]): the mean over
 * all targets, and over the targets that are not punctuation or line breaks (charclass.ts),
 * `vocab` naming the ids. Throws RangeError when the lengths differ.
 */
export function ladderRow(logProbs: Float64Array, targets: Int32Array, vocab: readonly string[]): LadderRow {
  if (logProbs.length !== targets.length) throw new RangeError(`${logProbs.length} log-probabilities for ${targets.length} targets`);
  const punctuation = punctuationMask(vocab);
  return { all: meanScore(logProbs, () => true), content: meanScore(logProbs, (i) => !punctuation[targets[i]]) };
}
