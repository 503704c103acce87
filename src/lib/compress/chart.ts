/**
 * Axes for the lab's size-against-perplexity chart: a log axis for bytes (the settings span
 * 4 bytes a weight down to ½), a linear one for perplexity, each with round tick values.
 */

/** Ticks 1, 2, 5 × 10^k within [min, max] (min > 0), for a log axis; at least the two ends when none fall inside. */
export function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++)
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** k;
      if (v >= min && v <= max) out.push(v);
    }
  return out.length >= 2 ? out : [min, max];
}

/** About `count` evenly spaced round ticks (steps of 1, 2 or 5 × 10^k) covering [min, max]. */
export function linearTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Maps [lo, hi] onto [a, b] linearly, or on log10 when `log`. */
export function scale(lo: number, hi: number, a: number, b: number, log = false): (v: number) => number {
  const f = log ? Math.log10 : (v: number) => v;
  const [flo, fhi] = [f(lo), f(hi)];
  return (v) => a + ((f(v) - flo) / (fhi - flo || 1)) * (b - a);
}

/** Bytes for a reader: 1,234,567 B ≈ 1.23 MB (decimal units). */
export function formatBytes(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}
