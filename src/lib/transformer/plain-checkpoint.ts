/**
 * The checkpoint's weights as plain float64 arrays, read without TF.js: for the attention
 * stepper's figure, computed at build time, and for its hand computation in the page. Reads the
 * same files as checkpoint.ts (a tf.io model.json and its weights.bin, float16 or float32).
 */
import { parseConfig, type TransformerConfig } from './config';
import type { PlainWeights } from './reference';
import type { Matrix, Vector } from './plain';

interface Spec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype?: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (v: unknown, k: string): unknown => (isRecord(v) && Object.hasOwn(v, k) ? v[k] : undefined);

/** An IEEE 754 half-precision number (its 16 bits) as a number: exact, float16 ⊂ float64. */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function specs(json: unknown): Spec[] {
  const manifest = own(json, 'weightsManifest');
  if (!Array.isArray(manifest)) throw new Error('检查点缺少权重清单');
  return manifest.flatMap((group) => {
    const weights = own(group, 'weights');
    return Array.isArray(weights) ? (weights as Spec[]) : [];
  });
}

const rows = (flat: number[], shape: number[]): Matrix | Vector =>
  shape.length === 1 ? flat : Array.from({ length: shape[0] }, (_, i) => flat.slice(i * shape[1], (i + 1) * shape[1]));

/**
 * model.json (parsed) and weights.bin as the config and PlainWeights (matrices as rows).
 * Accepts float32 weights and float16-quantized ones, in manifest order. Throws an Error in
 * Chinese when the config is invalid, a weight is missing or the bytes run short.
 */
export function plainFromModelJson(json: unknown, bytes: ArrayBuffer): { config: TransformerConfig; weights: PlainWeights } {
  const config = parseConfig(own(own(json, 'modelTopology'), 'config'));
  if (!config) throw new Error('检查点的模型配置无效');
  const weights: PlainWeights = {};
  const view = new DataView(bytes);
  let offset = 0;
  for (const spec of specs(json)) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const half = spec.quantization?.dtype === 'float16';
    const width = half ? 2 : 4;
    if (!half && spec.dtype !== 'float32') throw new Error(`权重 ${spec.name} 的类型 ${spec.dtype} 无法读取`);
    if (offset + size * width > bytes.byteLength) throw new Error('检查点的权重文件不完整');
    const flat = new Array<number>(size);
    for (let i = 0; i < size; i++) flat[i] = half ? halfToNumber(view.getUint16(offset + 2 * i, true)) : view.getFloat32(offset + 4 * i, true);
    offset += size * width;
    // defineProperty: a name such as __proto__ becomes an own key, never the prototype.
    Object.defineProperty(weights, spec.name, { value: rows(flat, spec.shape), enumerable: true, writable: true });
  }
  return { config, weights };
}
