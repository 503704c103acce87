/**
 * Everything a widget needs from TF.js, in one module that widgets import dynamically on first
 * use. Importing tfjs-core first, statically, makes its flags and engine initialise before the
 * kernel registrations that depend on them. Only tfjs-core and the CPU backend are bundled,
 * never the full @tensorflow/tfjs; autodiff (for the stepper's check) is in autodiff-runtime.ts.
 */
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { chooseBackend, type BackendChoice } from '../../lib/nn/backend';

export { backendLabel } from '../../lib/nn/backend';

// Named exports only: re-exporting the whole tf namespace would defeat tree-shaking of unused ops.
export { memory, tensor2d } from '@tensorflow/tfjs-core';
export * as network from '../../lib/nn/network';
export * as trace from '../../lib/nn/trace';
export * as trainer from '../../lib/nn/trainer';
export * as train from '../../lib/nn/train';
export * as optimizers from '../../lib/nn/optimizers';

let choice: Promise<BackendChoice> | undefined;

/** Picks the backend once per page. */
export function ready(): Promise<BackendChoice> {
  choice ??= chooseBackend({ cpu: async () => {} }, ['cpu']);
  return choice;
}
