/**
 * Everything a widget needs from TF.js, in one module that widgets import dynamically on first
 * use. Importing tfjs-core first, statically, makes its flags and engine initialise before the
 * gradient and kernel registrations that depend on them. Only tfjs-core and the CPU backend are
 * bundled, never the full @tensorflow/tfjs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { chooseBackend, type BackendChoice } from '../../lib/nn/backend';

export { backendLabel } from '../../lib/nn/backend';

export { tf };
export * as network from '../../lib/nn/network';
export * as trace from '../../lib/nn/trace';
export * as autodiff from '../../lib/nn/autodiff';
export * as trainer from '../../lib/nn/trainer';

let choice: Promise<BackendChoice> | undefined;

/** Picks the backend once per page. */
export function ready(): Promise<BackendChoice> {
  choice ??= chooseBackend({ cpu: async () => {} }, ['cpu']);
  return choice;
}
