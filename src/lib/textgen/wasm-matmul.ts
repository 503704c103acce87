/**
 * TF.js 4.22's WebAssembly backend multiplies with XNNPACK (SIMD, and threads on an isolated
 * page) only when neither operand is transposed; with transposeA or transposeB it falls back to a
 * plain scalar triple loop on one thread (tfjs-backend-wasm src/cc/batch_mat_mul_impl.cc). Every
 * backward pass asks for transposes (∂A = ∂C·Bᵀ, ∂B = Aᵀ·∂C), so in the §5.2 LSTM's training
 * those two kinds of product took about half of a batch's time. This wraps the backend's
 * BatchMatMul: a transposed operand of a single (batch 1) product is first transposed by the
 * backend's own Transpose kernel, a memory copy, then multiplied on the fast path. Products with
 * a batch dimension above 1 keep the original kernel. Same products, same shapes; sums may differ
 * in the last bits because XNNPACK adds in another order. A unit test checks all four transpose
 * combinations against the CPU backend and that no backend memory is left behind.
 */
import { getKernel, registerKernel, unregisterKernel, util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';

/** The one backend method the wrapper calls itself. */
interface Disposer {
  disposeData(dataId: object): boolean;
}
const canDispose = (backend: object): backend is Disposer => 'disposeData' in backend && typeof backend.disposeData === 'function';

/** Marks our wrapper, so registering twice does not wrap the wrapper. */
const WRAPPED = Symbol('transpose-first BatchMatMul');
type Wrapped = KernelConfig & { [WRAPPED]?: KernelConfig };

/** Product of the dimensions before the last two: the number of matrices in the batch. */
const batchOf = (t: TensorInfo) => util.sizeFromShape(t.shape.slice(0, -2));

/** The permutation that swaps a tensor's last two axes. */
const swapLast = (rank: number) => [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];

function wrap(original: KernelConfig, transpose: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { a, b } = args.inputs;
    const transposeA = args.attrs?.transposeA === true;
    const transposeB = args.attrs?.transposeB === true;
    const { backend } = args;
    if (!a || !b || (!transposeA && !transposeB) || batchOf(a) !== 1 || batchOf(b) !== 1 || !canDispose(backend)) return original.kernelFunc(args);
    const flip = (x: TensorInfo) => transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm: swapLast(x.shape.length) } }) as TensorInfo;
    const a2 = transposeA ? flip(a) : a;
    const b2 = transposeB ? flip(b) : b;
    try {
      return original.kernelFunc({ inputs: { a: a2, b: b2 }, backend, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    } finally {
      if (a2 !== a) backend.disposeData(a2.dataId);
      if (b2 !== b) backend.disposeData(b2.dataId);
    }
  };
  const config: Wrapped = { ...original, kernelFunc, [WRAPPED]: original };
  return config;
}

/**
 * Replaces the wasm backend's BatchMatMul with the transpose-first wrapper. Idempotent; does
 * nothing before tfjs-backend-wasm is imported (no kernel to wrap).
 */
export function registerWasmMatMul(): void {
  const original = getKernel('BatchMatMul', 'wasm') as Wrapped | undefined;
  const transpose = getKernel('Transpose', 'wasm');
  if (!original || !transpose || original[WRAPPED]) return;
  unregisterKernel('BatchMatMul', 'wasm');
  registerKernel(wrap(original, transpose));
}

/** Puts the backend's own BatchMatMul back (for same-run baselines and tests). Idempotent. */
export function unregisterWasmMatMul(): void {
  const current = getKernel('BatchMatMul', 'wasm') as Wrapped | undefined;
  const original = current?.[WRAPPED];
  if (!original) return;
  unregisterKernel('BatchMatMul', 'wasm');
  registerKernel(original);
}
