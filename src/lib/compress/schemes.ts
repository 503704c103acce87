/**
 * The compression lab's settings: the one list of schemes, what each stores per weight, and
 * its size in bytes. Sizes count the weights' bytes only (no file header, no names), so they
 * follow from the shapes alone and an exercise can ask for one computed at build time.
 *
 * Both shipped checkpoints are stored as float16 (each public/models/<dir>/meta.json says "weights": "float16"), so
 * float16 IS the original: its size is the shipped weights.bin's byte count, and its round trip
 * changes nothing. float32 is what the page computes with once the file is decoded.
 *
 *   float16          2 bytes per weight (the shipped checkpoint itself)
 *   float32          4 bytes per weight (decoded into memory to compute)
 *   int8, per tensor 1 byte per weight + one float32 scale (4 bytes) per tensor
 *   int8, per channel 1 byte per weight + one float32 scale per output channel
 *   int4, per channel ½ byte per weight (two to a byte, ⌈n/2⌉ per tensor) + one scale per channel
 *   pruned           matrices: float16 (as shipped) for each kept weight + a 1-bit mask of which
 *                    were kept, ⌈n/8⌉ bytes; vectors stay whole float16
 */
import { prunable, prunedCount, pruneMagnitude } from './prune';
import { channelsOf, quantizeSymmetric, roundFloat16, type PlainTensor } from './quantize';

/** The original (the shipped float16 checkpoint) first: every other row is compared with it. */
export const SCHEMES = ['float16', 'float32', 'int8-tensor', 'int8-channel', 'int4-channel', 'pruned'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** What the reader sees for each scheme; `pruned` is completed with its sparsity. */
export const SCHEME_LABELS: Record<Scheme, string> = {
  float16: 'float16（原模型：发布的检查点）',
  float32: 'float32（解压后的计算格式）',
  'int8-tensor': 'int8 逐张量',
  'int8-channel': 'int8 逐通道',
  'int4-channel': 'int4 逐通道',
  pruned: '剪枝',
};

/** A setting's name as the reader sees it; pruning with its sparsity `sp` (a percentage). */
export const schemeLabel = (scheme: Scheme, sp: number): string => (scheme === 'pruned' ? `${SCHEME_LABELS.pruned} ${sp}%` : SCHEME_LABELS[scheme]);

/** A tensor's shape alone: enough for its size. */
export type Shape = readonly number[];

const count = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);

/**
 * Bytes one tensor of `shape` takes under `scheme` (formulas in the module comment). `sparsity`
 * in [0, 1] is used by `pruned` only.
 */
export function tensorBytes(shape: Shape, scheme: Scheme, sparsity = 0): number {
  const n = count(shape);
  switch (scheme) {
    case 'float32':
      return 4 * n;
    case 'float16':
      return 2 * n;
    case 'int8-tensor':
      return n + 4;
    case 'int8-channel':
      return n + 4 * channelsOf(shape);
    case 'int4-channel':
      return Math.ceil(n / 2) + 4 * channelsOf(shape);
    case 'pruned':
      return prunable(shape) ? 2 * (n - prunedCount(n, sparsity)) + Math.ceil(n / 8) : 2 * n;
  }
}

/** Bytes of a whole model's weights under `scheme`: the sum over its tensors. */
export const modelBytes = (shapes: readonly Shape[], scheme: Scheme, sparsity = 0): number =>
  shapes.reduce((sum, s) => sum + tensorBytes(s, scheme, sparsity), 0);

/** One tensor's values after the round trip through `scheme` (ŵ); the input is not changed. */
export function compressValues(t: PlainTensor, scheme: Scheme, sparsity = 0): Float32Array {
  switch (scheme) {
    case 'float32':
      return Float32Array.from(t.values);
    case 'float16':
      return roundFloat16(t.values);
    case 'int8-tensor':
      return quantizeSymmetric(t.values, t.shape, 8, false);
    case 'int8-channel':
      return quantizeSymmetric(t.values, t.shape, 8, true);
    case 'int4-channel':
      return quantizeSymmetric(t.values, t.shape, 4, true);
    case 'pruned':
      return roundFloat16(prunable(t.shape) ? pruneMagnitude(t.values, sparsity) : t.values);
  }
}

/** A model's tensors after the round trip through `scheme`, same names and shapes. */
export const compressModel = (tensors: readonly PlainTensor[], scheme: Scheme, sparsity = 0): PlainTensor[] =>
  tensors.map((t) => ({ name: t.name, shape: [...t.shape], values: compressValues(t, scheme, sparsity) }));
