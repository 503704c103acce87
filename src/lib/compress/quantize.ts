/**
 * Weight quantisation as a reader can check it by hand. Every scheme here is a round trip:
 * the weights are stored in fewer bits and read back as float32 (ŵ), so the model runs as
 * before and only the rounding error remains.
 *
 * Symmetric linear quantisation with b bits (Jacob et al. 2018, "Quantization and Training of
 * Neural Networks for Efficient Integer-Arithmetic-Only Inference", §2, with zero point 0):
 *   q_max = 2^(b−1) − 1 (127 for int8, 7 for int4),  s = max|w| / q_max,
 *   q = clamp(round(w / s), −q_max, q_max),  ŵ = s·q,  so |w − ŵ| ≤ s/2.
 * Per tensor: one s for the whole tensor. Per channel: one s per output channel, the last axis
 * of a matrix (a column of W in x·W), so a column of small weights is not rounded on the scale
 * of the largest column. A vector (bias, LayerNorm) is one channel.
 */
import { toFloat16 } from '../textgen/float16';

/** A weight tensor as plain numbers: row-major values of `shape`. */
export interface PlainTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** Output channels of a tensor: its last axis for a matrix, 1 for a vector or scalar. */
export const channelsOf = (shape: readonly number[]): number => (shape.length >= 2 ? shape[shape.length - 1] : 1);

/** Largest integer level of a signed b-bit code, symmetric: 2^(b−1) − 1. */
export const levels = (bits: number): number => 2 ** (bits - 1) - 1;

/**
 * ŵ for `values` of `shape` quantised to `bits` bits, with one scale per channel (`perChannel`)
 * or one for the whole tensor. Channel of element i is i mod channels (row-major, last axis).
 * A channel of zeros keeps scale 0 and reads back as zeros. Never NaN for finite input.
 */
export function quantizeSymmetric(values: Float32Array, shape: readonly number[], bits: number, perChannel: boolean): Float32Array {
  const channels = perChannel ? channelsOf(shape) : 1;
  const qMax = levels(bits);
  const maxAbs = new Float64Array(channels);
  for (let i = 0; i < values.length; i++) {
    const c = i % channels;
    const a = Math.abs(values[i]);
    if (a > maxAbs[c]) maxAbs[c] = a;
  }
  // The scale itself is stored as float32, so round it there before use.
  const scale = Float32Array.from(maxAbs, (m) => m / qMax);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const s = scale[i % channels];
    if (s === 0) continue;
    const q = Math.max(-qMax, Math.min(qMax, Math.round(values[i] / s)));
    out[i] = q * s;
  }
  return out;
}

/** IEEE 754 binary16 bits back to a number (exact: every float16 is a float32). */
export function fromFloat16(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** ŵ for float16 storage: round to nearest even binary16 (textgen/float16.ts) and back. */
export function roundFloat16(values: Float32Array): Float32Array {
  const half = toFloat16(values);
  return Float32Array.from(half, fromFloat16);
}
