/**
 * float16 weights for shipped checkpoints: half the bytes of float32, and tf.io decodes them on
 * load (a weight spec's `quantization: { dtype: 'float16' }`). No layers API here, so the
 * Transformer's checkpoint code can use it without loading tfjs-layers.
 */
import type * as tf from '@tensorflow/tfjs-core';

/** IEEE 754 binary16 from binary32, round to nearest even; overflow goes to ±Infinity. */
export function toFloat16(values: Float32Array): Uint16Array {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    f32[0] = values[i];
    const x = u32[0];
    const sign = (x >>> 16) & 0x8000;
    const exp = ((x >>> 23) & 0xff) - 127 + 15;
    const mant = x & 0x7fffff;
    if (((x >>> 23) & 0xff) === 0xff) out[i] = sign | 0x7c00 | (mant ? 0x200 : 0);
    else if (exp >= 31) out[i] = sign | 0x7c00;
    else if (exp <= 0) {
      if (exp < -10) out[i] = sign;
      else {
        const m = mant | 0x800000;
        const shift = 14 - exp;
        const half = 1 << (shift - 1);
        let v = m >>> shift;
        const rest = m & ((1 << shift) - 1);
        if (rest > half || (rest === half && v & 1)) v++;
        out[i] = sign | v;
      }
    } else {
      let v = (exp << 10) | (mant >>> 13);
      const rest = mant & 0x1fff;
      if (rest > 0x1000 || (rest === 0x1000 && v & 1)) v++;
      out[i] = sign | v;
    }
  }
  return out;
}

/** Re-encodes float32 weights as float16, marking each spec so tf.io decodes them. */
export function quantizeFloat16(artifacts: tf.io.ModelArtifacts): tf.io.ModelArtifacts {
  const data = artifacts.weightData as ArrayBuffer;
  const specs = artifacts.weightSpecs!;
  const half = toFloat16(new Float32Array(data));
  const quantized = specs.map((s) => (s.dtype === 'float32' ? { ...s, quantization: { dtype: 'float16' as const } } : s));
  if (quantized.some((s) => !s.quantization)) throw new Error('only float32 weights can be quantised');
  return { ...artifacts, weightSpecs: quantized, weightData: half.buffer as ArrayBuffer };
}
