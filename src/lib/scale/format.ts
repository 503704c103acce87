/**
 * Numbers as the calculator shows them. Never "NaN" or "Infinity": a value that is not finite
 * shows as "—". Very large (and very small) values use scientific notation, a × 10ⁿ.
 */

/** Shown for a value that cannot be computed. */
export const NOT_A_VALUE = '—';

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const superscript = (n: number): string => [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join('');

/** `x` to `digits` significant digits, without exponent and without trailing zeros (|x| < 1e21). */
const significant = (x: number, digits: number): string => String(Number(x.toPrecision(digits)));

/** `x` as "3.14 × 10²³" (`digits` significant digits); "0" for 0. */
export function formatSci(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return NOT_A_VALUE;
  if (x === 0) return '0';
  let exp = Math.floor(Math.log10(Math.abs(x)));
  let mantissa = Number((x / 10 ** exp).toPrecision(digits));
  // Rounding can carry to 10 (9.999 → 10.0): move it into the exponent.
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    exp += 1;
  }
  return `${significant(mantissa, digits)} × 10${superscript(exp)}`;
}

/** Below this, whole numbers are written out in full with thousands separators. */
const EXACT_LIMIT = 1e15;

/**
 * A count: "124,439,808" when it is a whole number below 10¹⁵, else scientific. Separators are
 * commas whatever the browser's locale, as in the book's prose (“677,816 个参数”).
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return NOT_A_VALUE;
  if (!Number.isInteger(n) || Math.abs(n) >= EXACT_LIMIT) return Math.abs(n) >= 1e6 || (n !== 0 && Math.abs(n) < 1e-3) ? formatSci(n) : significant(n, 4);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A large quantity such as FLOPs: exact with separators below 10⁶, scientific from there. */
export function formatLarge(x: number): string {
  if (!Number.isFinite(x)) return NOT_A_VALUE;
  return Number.isInteger(x) && Math.abs(x) < 1e6 ? formatCount(x) : formatSci(x);
}

/**
 * A count in Chinese units, "约 1746 亿", for counts from 10⁴ to below 10¹⁶; "" outside that range
 * (below 10⁴ the exact count says it, and from 10¹⁶ the scientific count does: no Chinese unit
 * past 万亿 is in common use, so a gloss would only repeat it).
 */
export function formatZh(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) < 1e4 || Math.abs(n) >= 1e16) return '';
  const [unit, size] = Math.abs(n) >= 1e12 ? ['万亿', 1e12] : Math.abs(n) >= 1e8 ? ['亿', 1e8] : ['万', 1e4];
  return `约 ${significant(n / size, 4)} ${unit}`;
}

/** Decimal byte units (1 GB = 10⁹ bytes), largest first; below 1 KB, plain 字节. */
const BYTE_UNITS: [string, number][] = [
  ['EB', 1e18],
  ['PB', 1e15],
  ['TB', 1e12],
  ['GB', 1e9],
  ['MB', 1e6],
  ['KB', 1e3],
  ['字节', 1],
];

/** The unit for `bytes`: the largest of BYTE_UNITS not above it (EB for anything larger, 字节 for anything smaller). */
const byteUnit = (bytes: number): [string, number] => BYTE_UNITS.find(([, size]) => Math.abs(bytes) >= size) ?? BYTE_UNITS[BYTE_UNITS.length - 1];

/**
 * Bytes in one decimal unit, 3 significant digits: the unit that fits `unitOf` (by default the
 * value itself), so that parts can be written in their total's unit. The one unit rule of the
 * calculator: always a unit from 字节 to EB, never a bare "× 10ⁿ 字节"; past 1,000 EB the number
 * before EB is scientific ("3 × 10³ EB").
 */
export function formatBytes(bytes: number, unitOf = bytes): string {
  if (!Number.isFinite(bytes) || !Number.isFinite(unitOf)) return NOT_A_VALUE;
  const [unit, size] = byteUnit(unitOf);
  const v = bytes / size;
  return `${Math.abs(v) >= 1000 ? formatSci(v) : significant(v, 3)} ${unit}`;
}

/** A total and its parts, all in the total's unit: "1.92 EB（0.48 EB + 0.48 EB + 0.96 EB）". */
export const formatBytesSum = (total: number, parts: readonly number[]): string =>
  `${formatBytes(total)}（${parts.map((p) => formatBytes(p, total)).join(' + ')}）`;

const DURATIONS: [string, number][] = [
  ['年', 365.25 * 86400],
  ['天', 86400],
  ['小时', 3600],
  ['分钟', 60],
];

/**
 * A duration in the largest fitting unit from 分钟 to 年, 3 significant digits, thousands
 * separated (53,600 年); scientific past 10⁶ 年.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return NOT_A_VALUE;
  const year = DURATIONS[0][1];
  if (seconds >= 1e6 * year) return `${formatSci(seconds / year)} 年`;
  for (const [unit, size] of DURATIONS) {
    if (seconds < size) continue;
    const v = Number(significant(seconds / size, 3));
    return `${v >= 1000 ? formatCount(v) : String(v)} ${unit}`;
  }
  return seconds < 1e-3 ? `${formatSci(seconds)} 秒` : `${significant(seconds, 3)} 秒`;
}
