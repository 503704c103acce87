/**
 * Whether this browser lets the site use IndexedDB, where the labs keep the models a reader
 * trains. Browsers refuse it in ordinary situations: some private windows have no `indexedDB`
 * at all, Firefox with site data blocked throws a SecurityError from `open`, and others fire
 * `error` on the request. A worker shares its page's storage permission, so the page asks once
 * and tells the worker (§10.4's analysis reads saved models in a worker).
 */

/**
 * How long the page's probe and the §10.4 worker wait for IndexedDB to answer, in ms. Safari 14.1
 * can leave an open request pending for good; a reader should not wait longer than this for a
 * notice that the saved models cannot be read.
 */
export const STORAGE_WAIT_MS = 3000;

/** Schedules `f` after `ms` milliseconds (setTimeout, or a fake in tests). */
export type Timer = (f: () => void, ms: number) => void;

const setTimer: Timer = (f, ms) => void setTimeout(f, ms);

/** What `within` resolves with when the promise has not settled in time. */
export const LATE = Symbol('late');

/**
 * `promise`'s value, or LATE when it has not settled after `ms` milliseconds; a rejection passes
 * through (if it comes first). The promise itself is not cancelled: its late answer is ignored.
 * @param ms the wait, in ms
 * @param timer schedules the wait (setTimeout by default)
 */
export function within<T>(promise: Promise<T>, ms: number, timer: Timer = setTimer): Promise<T | typeof LATE> {
  return new Promise<T | typeof LATE>((resolve, reject) => {
    timer(() => resolve(LATE), ms);
    promise.then(resolve, reject);
  });
}

/** Whether the models the labs saved can be read: 'ok', 'refused' (no IndexedDB, or it failed), or 'late' (no answer in time). */
export type StorageAnswer = 'ok' | 'refused' | 'late';

/**
 * Asks storage with `read` (tf.io.listModels in the worker, which opens IndexedDB) and waits at
 * most `ms`: 'refused' when `hasIndexedDB` is false or `read` throws or rejects, 'late' when it
 * has not answered in time, else 'ok'. Never rejects.
 * @param read opens the database; its value is not used
 * @param ms the wait, in ms (STORAGE_WAIT_MS by default)
 * @param timer schedules the wait (setTimeout by default; a fake in tests)
 */
export async function storageAnswer(
  hasIndexedDB: boolean,
  read: () => Promise<unknown>,
  ms = STORAGE_WAIT_MS,
  timer: Timer = setTimer,
): Promise<StorageAnswer> {
  if (!hasIndexedDB) return 'refused';
  try {
    return (await within(read(), ms, timer)) === LATE ? 'late' : 'ok';
  } catch {
    return 'refused';
  }
}

/** The database opened by the probe; separate from tf.io's 'tensorflowjs', whose schema it must not create. */
export const PROBE_DB = 'dmx-storage-probe';

/**
 * Resolves 'refused' when the browser refuses the site IndexedDB: `factory()` gives no IDBFactory
 * or throws, or the open request fails or is blocked; 'ok' when a database opens (it is then
 * closed and deleted, leaving nothing in the reader's site data); 'late' when the request has not
 * answered after `waitMs` (Safari 14.1 can leave a first open pending for good), so that no later
 * reader waits for it again. Never rejects.
 * @param factory where IndexedDB comes from (the global one by default; a fake in tests)
 * @param waitMs how long an unanswered request is waited for, in ms
 * @param timer schedules the wait (setTimeout by default; a fake in tests)
 */
export function indexedDBOpens(
  factory: () => IDBFactory | undefined = () => globalThis.indexedDB,
  waitMs = STORAGE_WAIT_MS,
  timer: Timer = setTimer,
): Promise<StorageAnswer> {
  return new Promise((resolve) => {
    try {
      const idb = factory();
      if (!idb) return resolve('refused');
      const request = idb.open(PROBE_DB);
      request.onsuccess = () => {
        request.result.close();
        try {
          idb.deleteDatabase(PROBE_DB);
        } catch {
          // Nothing to tidy where deleting is refused.
        }
        resolve('ok');
      };
      request.onerror = () => resolve('refused');
      request.onblocked = () => resolve('refused');
      timer(() => resolve('late'), waitMs);
    } catch {
      resolve('refused');
    }
  });
}
