/**
 * How the interpretability view writes its numbers, free of TF.js so the island can import it
 * before the reader first uses the view.
 */

/** Each score's share of their sum (all 0 when the sum is 0), for bars and percentages. */
export const shares = (scores: readonly number[]): number[] => {
  const sum = scores.reduce((a, b) => a + b, 0);
  return scores.map((s) => (sum > 0 ? s / sum : 0));
};

/**
 * An activation or difference with its sign written out and two decimals: +0.12, −0.12 (U+2212).
 * A value that rounds to zero at two decimals (−0.004, −0, 0) is written 0.00, with no sign, so
 * a tiny negative number never shows as "−0.00".
 */
export function signed(v: number): string {
  const digits = Math.abs(v).toFixed(2);
  if (Number(digits) === 0) return '0.00';
  return `${v > 0 ? '+' : '−'}${digits}`;
}
