/**
 * The backend a training worker computes on: TF.js's WebAssembly backend (with our
 * UnsortedSegmentSum kernel, which Embedding's gradient needs, and BatchMatMul sending transposed
 * operands to XNNPACK: src/lib/textgen/wasm-matmul.ts), else CPU. On a cross-origin
 * isolated page TF.js picks its threaded build; the worker then gives it one thread per logical
 * core (src/lib/nn/wasm-threads.ts). Worker-side only: it reads the worker's `navigator`.
 */
import '../shared/wasm-binaries';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { chooseBackend, type BackendChoice } from '../../lib/nn/backend';
import { withThreadPerCore } from '../../lib/nn/wasm-threads';
import { registerWasmKernels } from '../../lib/textgen/wasm-kernels';
import { registerWasmMatMul } from '../../lib/textgen/wasm-matmul';

export interface TrainingBackend extends BackendChoice {
  /** Threads TF.js computes with: XNNPACK's pool size on wasm, 1 on CPU. */
  threads: number;
}

/** Starts the training backend. Throws (in Chinese) when neither backend starts. */
export async function chooseTrainingBackend(): Promise<TrainingBackend> {
  setThreadsCount(self.navigator.hardwareConcurrency); // TF.js caps it at 8 and at its core estimate
  const choice = await withThreadPerCore(self.navigator, () =>
    chooseBackend(
      {
        wasm: async () => {
          registerWasmKernels();
          registerWasmMatMul();
        },
        cpu: async () => {},
      },
      ['wasm', 'cpu'],
    ),
  );
  return { ...choice, threads: choice.name === 'wasm' ? getThreadsCount() : 1 };
}
