/**
 * Everything a widget needs from TF.js, in one module that widgets import dynamically on first
 * use. Importing tfjs-core first, statically, makes its flags and engine initialise before the
 * kernel registrations that depend on them. tfjs-core and the CPU backend come with this chunk;
 * WebGL and WebAssembly are separate chunks fetched only when tried. Never the full
 * @tensorflow/tfjs; autodiff (for the stepper's check) is in autodiff-runtime.ts.
 */
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { backend as currentBackend } from '@tensorflow/tfjs-core';
import { chooseBackend, NN_BACKEND_ORDER, type BackendChoice, type BackendName } from '../../lib/nn/backend';

export { backendLabel } from '../../lib/nn/backend';

// Named exports only: re-exporting the whole tf namespace would defeat tree-shaking of unused ops.
export { memory, tensor2d } from '@tensorflow/tfjs-core';
export * as network from '../../lib/nn/network';
export * as trace from '../../lib/nn/trace';
export * as trainer from '../../lib/nn/trainer';
export * as train from '../../lib/nn/train';
export * as optimizers from '../../lib/nn/optimizers';

const LOADERS: Record<BackendName, () => Promise<unknown>> = {
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: () => import('./wasm-backend'),
  cpu: async () => {},
};

let choice: Promise<BackendChoice> | undefined;

/**
 * Picks the backend once per page, in the order the benchmark found fastest for the widget that
 * asks first; later widgets share it (tensors of one page live on one backend).
 */
export function ready(order: BackendName[] = NN_BACKEND_ORDER): Promise<BackendChoice> {
  choice ??= chooseBackend(LOADERS, order);
  return choice;
}

/** Switches the whole page to `name`, or to the next backend in order if it fails. Tensors move over lazily. */
export function use(name: BackendName, order: BackendName[] = NN_BACKEND_ORDER): Promise<BackendChoice> {
  // Published at once, so a widget that asks ready() while the switch is in flight waits for it
  // instead of computing on a backend that is being replaced.
  const previous = ready().catch(() => undefined);
  choice = previous.then(() => chooseBackend(LOADERS, [name, ...order.filter((n) => n !== name)]));
  return choice;
}

/** True once the browser has taken the WebGL context away (GPU reset, too many contexts, a test). */
export function contextLost(): boolean {
  let gl: WebGLRenderingContext | undefined;
  try {
    gl = (currentBackend() as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  } catch {
    return false; // A backend is still initialising (WebAssembly loads asynchronously): nothing lost.
  }
  return gl?.isContextLost?.() ?? false;
}
