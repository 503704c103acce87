/**
 * How a training run names its epochs, in the progress line, the per-epoch announcement and the
 * list of samples alike (shared/TrainProgress.svelte, for the §5.2 lab and 附录 A's Transformer).
 * A run that continues a model already trained for `firstEpoch` epochs counts both ways, so the
 * reader never sees "第 12 轮" in one place and "第 1 轮" in another for the same epoch.
 */

/**
 * The name of the run's `runEpoch`-th epoch (1-based): "第 1 轮" when the run starts from
 * scratch (`firstEpoch` 0), else "本次第 1 轮（累计第 12 轮）" (12 = firstEpoch + runEpoch).
 * Non-integer or negative counts are read as whole non-negative numbers. Never throws.
 */
export function epochLabel(runEpoch: number, firstEpoch: number): string {
  const whole = (x: number) => (Number.isFinite(x) ? Math.max(0, Math.floor(x)) : 0);
  const run = whole(runEpoch);
  const before = whole(firstEpoch);
  return before > 0 ? `本次第 ${run} 轮（累计第 ${before + run} 轮）` : `第 ${run} 轮`;
}
