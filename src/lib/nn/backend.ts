/**
 * Picks the first TF.js backend that initialises, in the given order, and says why it skipped
 * the others, so the page can show "WebGL 不可用，改用 CPU" rather than fail. Loaders are dynamic
 * imports supplied by the caller, so a backend is only downloaded when it is tried.
 */
import * as tf from '@tensorflow/tfjs-core';
import { backendLabel, BACKEND_ORDER, type BackendName } from './backend-names';

export { BACKEND_ORDER, NN_BACKEND_ORDER, backendLabel, type BackendName } from './backend-names';

export interface BackendChoice {
  name: BackendName;
  /** One line per backend that was tried and failed, for a notice. */
  skipped: string[];
}

export async function chooseBackend(
  loaders: Partial<Record<BackendName, () => Promise<unknown>>>,
  order: BackendName[] = BACKEND_ORDER,
): Promise<BackendChoice> {
  const skipped: string[] = [];
  for (const name of order) {
    const load = loaders[name];
    if (!load) continue;
    try {
      await load();
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { name, skipped };
      }
      skipped.push(`${backendLabel(name)} 在此浏览器中无法初始化。`);
    } catch (error) {
      skipped.push(`${backendLabel(name)} 不可用（${error instanceof Error ? error.message : String(error)}）。`);
    }
  }
  throw new Error(`没有可用的计算后端：${skipped.join(' ')}`);
}
