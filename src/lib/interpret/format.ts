/**
 * How the interpretability view writes its numbers, free of TF.js so the island can import it
 * before the reader first uses the view.
 */

/** Each score's share of their sum (all 0 when the sum is 0), for bars and percentages. */
export const shares = (scores: readonly number[]): number[] => {
  const sum = scores.reduce((a, b) => a + b, 0);
  return scores.map((s) => (sum > 0 ? s / sum : 0));
};

/** An activation or difference with its sign written out and two decimals: +0.12, −0.12 (U+2212). */
export const signed = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
