/**
 * Which of n points a line chart draws when it has more points than it is wide: every k-th point,
 * k = ⌈n / max⌉, and always the last (the newest loss is the one the reader watches). A chart
 * 300 units wide gains nothing from a 10,000-point line, and re-formatting every point each frame
 * would slow a long training run's frames in proportion to its length.
 * Returns ascending indices into the n points (all of them when n ≤ max); max < 2 counts as 2.
 */
export function decimate(n: number, max: number): number[] {
  const count = Math.max(0, Math.floor(n));
  const stride = Math.ceil(count / Math.max(2, Math.floor(max)));
  if (stride <= 1) return Array.from({ length: count }, (_, i) => i);
  const picked: number[] = [];
  for (let i = 0; i < count - 1; i += stride) picked.push(i);
  picked.push(count - 1);
  return picked;
}
