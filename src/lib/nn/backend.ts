/**
 * Picks the first TF.js backend that initialises, in the given order, and says why it skipped
 * the others, so the page can show "WebGL 不可用，改用 CPU" rather than fail. Loaders are dynamic
 * imports supplied by the caller, so a backend is only downloaded when it is tried.
 */
import * as tf from '@tensorflow/tfjs-core';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** Default preference; `npm run bench:nn` measures which is fastest for these tiny networks. */
export const BACKEND_ORDER: BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  /** One line per backend that was tried and failed, for a notice. */
  skipped: string[];
}

const LABEL: Record<BackendName, string> = { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };

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
      skipped.push(`${LABEL[name]} 无法初始化。`);
    } catch (error) {
      skipped.push(`${LABEL[name]} 不可用（${error instanceof Error ? error.message : String(error)}）。`);
    }
  }
  throw new Error(`没有可用的计算后端：${skipped.join(' ')}`);
}

export const backendLabel = (name: BackendName) => LABEL[name];
