/**
 * TF.js 4.22's WebAssembly backend has no UnsortedSegmentSum kernel, and the gradient of
 * Embedding (a gather) needs it: out[s] = Σ_{i : ids[i] = s} x[i]. This registers that kernel
 * for 'wasm' in plain JavaScript over the backend's memory, so the same layers model trains on
 * every backend. A unit test checks outputs and gradients against the CPU backend.
 */
import { registerKernel, getKernel, util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The two methods of tfjs-backend-wasm's BackendWasm that the kernel calls. */
type WasmLike = Pick<BackendWasm, 'readSync' | 'makeOutput'>;

/** TF.js hands a kernel its backend as `{}`; this checks it has the methods we call. */
const isWasm = (backend: object): backend is WasmLike =>
  'readSync' in backend && typeof backend.readSync === 'function' && 'makeOutput' in backend && typeof backend.makeOutput === 'function';

/** A tensor's values as numbers; a string tensor (Uint8Array[]) is refused. */
function numbersOf(wasm: WasmLike, t: TensorInfo): ArrayLike<number> {
  const values = wasm.readSync(t.dataId);
  if (Array.isArray(values)) throw new Error('UnsortedSegmentSum: string tensors are not supported');
  return values;
}

/** The sum itself, on flat arrays: `inner` values per segment id. */
export function segmentSum(x: ArrayLike<number>, ids: ArrayLike<number>, numSegments: number, inner: number): Float32Array {
  const out = new Float32Array(numSegments * inner);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue; // TF drops out-of-range ids
    for (let k = 0; k < inner; k++) out[s * inner + k] += x[i * inner + k];
  }
  return out;
}

/** Throws if TF.js calls it without x, segmentIds, a numeric numSegments or the wasm backend. */
const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs;
  const numSegments = attrs?.numSegments;
  if (!x || !segmentIds || typeof numSegments !== 'number') throw new Error('UnsortedSegmentSum: needs x, segmentIds and numSegments');
  if (!isWasm(backend)) throw new Error('UnsortedSegmentSum: registered for the wasm backend only');
  const innerShape = x.shape.slice(segmentIds.shape.length);
  const values = segmentSum(numbersOf(backend, x), numbersOf(backend, segmentIds), numSegments, util.sizeFromShape(innerShape));
  return backend.makeOutput([numSegments, ...innerShape], x.dtype, undefined, values);
};

const unsortedSegmentSum: KernelConfig = { kernelName: 'UnsortedSegmentSum', backendName: 'wasm', kernelFunc };

/** Idempotent: call once after importing the wasm backend. */
export function registerWasmKernels(): void {
  if (!getKernel('UnsortedSegmentSum', 'wasm')) registerKernel(unsortedSegmentSum);
}
