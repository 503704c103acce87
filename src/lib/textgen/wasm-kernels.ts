/**
 * TF.js 4.22's WebAssembly backend has no UnsortedSegmentSum kernel, and the gradient of
 * Embedding (a gather) needs it: out[s] = Σ_{i : ids[i] = s} x[i]. This registers that kernel
 * for 'wasm' in plain JavaScript over the backend's memory, so the same layers model trains on
 * every backend. A unit test checks outputs and gradients against the CPU backend.
 */
import { registerKernel, getKernel, util, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs-core';

interface WasmLike {
  readSync(dataId: unknown): ArrayLike<number>;
  makeOutput(shape: number[], dtype: string, memoryOffset?: number, values?: ArrayLike<number>): TensorInfo;
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

const unsortedSegmentSum: KernelConfig = {
  kernelName: 'UnsortedSegmentSum',
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    const wasm = backend as unknown as WasmLike;
    const innerShape = x.shape.slice(segmentIds.shape.length);
    const values = segmentSum(wasm.readSync(x.dataId), wasm.readSync(segmentIds.dataId), numSegments, util.sizeFromShape(innerShape));
    return wasm.makeOutput([numSegments, ...innerShape], x.dtype, undefined, values);
  },
};

/** Idempotent: call once after importing the wasm backend. */
export function registerWasmKernels(): void {
  if (!getKernel('UnsortedSegmentSum', 'wasm')) registerKernel(unsortedSegmentSum);
}
