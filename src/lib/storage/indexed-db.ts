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
 * Resolves false when the browser refuses the site IndexedDB: `factory()` gives no IDBFactory or
 * throws, or the open request fails or is blocked. Resolves true when a database opens (it is then
 * closed and deleted, leaving nothing in the reader's site data), and also when the request has
 * not answered after `waitMs` (Safari 14.1 can leave a first open pending for good): a later reader
 * of storage, which checks for itself, then decides. Never rejects.
 * @param factory where IndexedDB comes from (the global one by default; a fake in tests)
 * @param waitMs how long an unanswered request is waited for, in ms
 * @param timer schedules the wait (setTimeout by default; a fake in tests)
 */
export function indexedDBOpens(
  factory: () => IDBFactory | undefined = () => globalThis.indexedDB,
  waitMs = 3000,
  timer: (f: () => void, ms: number) => void = (f, ms) => void setTimeout(f, ms),
): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const idb = factory();
      if (!idb) return resolve(false);
      const request = idb.open(PROBE_DB);
      request.onsuccess = () => {
        request.result.close();
        try {
          idb.deleteDatabase(PROBE_DB);
        } catch {
          // Nothing to tidy where deleting is refused.
        }
        resolve(true);
      };
      request.onerror = () => resolve(false);
      request.onblocked = () => resolve(false);
      timer(() => resolve(true), waitMs);
    } catch {
      resolve(false);
    }
  });
}
