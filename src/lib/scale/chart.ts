/**
 * The scale chart's logarithmic axis: whole powers of ten covering every value, labelled as
 * 10ⁿ. Pure; the widget draws it.
 */

export interface ChartRow {
  name: string;
  params: number;
  /** The reader's current model. */
  current: boolean;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10ⁿ with a superscript exponent; 1 and 10 written plainly. */
export const powerLabel = (n: number): string => (n === 0 ? '1' : n === 1 ? '10' : `10${[...String(n)].map((c) => SUPERSCRIPT[Number(c)] ?? '⁻').join('')}`);

/**
 * Axis from 10^lo to 10^hi (lo ≤ ⌊log₁₀ min⌋, hi ≥ ⌈log₁₀ max⌉, at least 10⁰…10¹²), a tick at
 * every power, a label every `labelEvery` powers so labels never crowd. Ignores values that are
 * not finite and positive.
 */
export function logAxis(values: number[]): { lo: number; hi: number; ticks: number[]; labelEvery: number; label: (n: number) => string } {
  const logs = values.filter((v) => Number.isFinite(v) && v > 0).map(Math.log10);
  const lo = Math.min(0, ...logs.map(Math.floor));
  const hi = Math.max(12, ...logs.map(Math.ceil));
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return { lo, hi, ticks, labelEvery: hi - lo > 14 ? 3 : 2, label: powerLabel };
}
