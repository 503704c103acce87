/**
 * The top of a chart's y axis: the largest finite value among all the series, and never below
 * `floor` (an all-zero or empty chart still has a scale). A loop, not Math.max(...values): a long
 * training run's 10⁵ points as arguments would overflow the call stack. NaN and ±Infinity (a
 * diverged run) are skipped. Never throws.
 */
export function chartTop(series: readonly (readonly number[])[], floor: number): number {
  let top = floor;
  for (const ys of series) for (const y of ys) if (Number.isFinite(y) && y > top) top = y;
  return top;
}
