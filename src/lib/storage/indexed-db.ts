/**
 * Whether this browser lets the site use IndexedDB, where the labs keep the models a reader
 * trains. Browsers refuse it in ordinary situations: some private windows have no `indexedDB`
 * at all, Firefox with site data blocked throws a SecurityError from `open`, and others fire
 * `error` on the request. A worker shares its page's storage permission, so the page asks once
 * and tells the worker (§10.4's analysis reads saved models in a worker).
 */

/** The database opened by the probe; separate from tf.io's 'tensorflowjs', whose schema it must not create. */
export const PROBE_DB = 'dmx-storage-probe';

/**
 * Resolves true when a database can be opened (and then closes it), false when `factory()` gives
 * no IDBFactory, throws, or the open request fails or is blocked. Never rejects.
 * @param factory where IndexedDB comes from (the global one by default; a fake in tests)
 */
export function indexedDBOpens(factory: () => IDBFactory | undefined = () => globalThis.indexedDB): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const idb = factory();
      if (!idb) return resolve(false);
      const request = idb.open(PROBE_DB);
      request.onsuccess = () => {
        request.result.close();
        resolve(true);
      };
      request.onerror = () => resolve(false);
      request.onblocked = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}
