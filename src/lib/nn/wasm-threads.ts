/**
 * How many threads TF.js's WebAssembly backend may use for training.
 *
 * TF.js 4.22 sizes XNNPACK's thread pool once, when the wasm module starts, as
 * `navigator.hardwareConcurrency / 2` (tfjs-backend-wasm `cc/backend.cc`: it assumes two
 * hardware threads per core), capped at 8, and `setThreadsCount` cannot go above that cap. On a
 * 2-thread machine that is 1 thread: isolation would buy nothing. For training, which runs in a
 * Web Worker while the page itself only draws progress, we want one thread per logical core, so
 * the worker shows TF.js twice its logical core count while the backend starts, and then the
 * real value again. Only the threaded build (a cross-origin-isolated page) reads it.
 */

/** The navigator fields this needs; `WorkerNavigator` and `Navigator` both fit. */
export interface CoreCounter {
  readonly hardwareConcurrency: number;
}

/** The count to show TF.js so that its halving gives `logical` threads (at least 1). */
export function reportedCores(logical: number): number {
  return Number.isFinite(logical) && logical >= 1 ? 2 * Math.floor(logical) : 2;
}

/**
 * Runs `start` (which initialises the wasm backend) while `nav.hardwareConcurrency` reads
 * reportedCores(its real value), then removes the override, also when `start` throws. The
 * override is an own property shadowing the prototype's getter, so deleting it restores the
 * browser's value exactly. If the property cannot be redefined, `start` runs unchanged.
 */
export async function withThreadPerCore<T>(nav: CoreCounter, start: () => Promise<T>): Promise<T> {
  let overridden = false;
  try {
    Object.defineProperty(nav, 'hardwareConcurrency', { value: reportedCores(nav.hardwareConcurrency), configurable: true });
    overridden = true;
  } catch {
    // a frozen or exotic navigator: keep TF.js's own choice
  }
  try {
    return await start();
  } finally {
    if (overridden) delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}
