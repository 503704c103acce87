/**
 * What the lab reports per setting, framework-free: perplexity from summed cross-entropy, and
 * how often the compressed model's top-1 next character is the original's.
 */
import type { ChunkScore } from './evaluate';

/** exp(Σ nll / count): validation perplexity from summed per-character cross-entropy (nats). */
export const perplexityOf = (nll: number, count: number): number => Math.exp(nll / Math.max(1, count));

/** Fraction of positions where `a` and `b` agree, in [0, 1]; throws when their lengths differ. */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`${a.length} and ${b.length} positions cannot be compared`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 1;
}

/** Chunks scored so far, summed: total nll, count, and the top-1 guesses in order. */
export function combine(chunks: readonly ChunkScore[]): ChunkScore {
  const top1 = new Int32Array(chunks.reduce((n, c) => n + c.top1.length, 0));
  let at = 0;
  for (const c of chunks) {
    top1.set(c.top1, at);
    at += c.top1.length;
  }
  return { nll: chunks.reduce((s, c) => s + c.nll, 0), count: chunks.reduce((s, c) => s + c.count, 0), top1 };
}

/** `text`'s characters (code points), each marked whether `original` has the same one at that position. */
export const markDifferences = (original: string, text: string): { ch: string; same: boolean }[] => {
  const o = [...original];
  return [...text].map((ch, i) => ({ ch, same: o[i] === ch }));
};
