/**
 * Key–value storage that never throws. Browsers refuse storage in many ordinary situations: a
 * private window (Safari throws on every call), cookies blocked by a school's policy (reading
 * `window.localStorage` itself throws a SecurityError), or a full disk (writes throw
 * QuotaExceededError). Every call here catches that, records what happened in `state`, and
 * keeps the value in memory instead, so the page works for the session; a value that could not
 * be written is read back from memory, never from the older stored copy.
 */

/** 'ok': values are kept; 'unavailable': storage is refused; 'quota': storage is full. */
export type StorageState = 'ok' | 'unavailable' | 'quota';

/** Anything shaped like the Web Storage API (localStorage, or a fake in tests). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface SafeStore {
  /** The worst thing seen so far ('quota' is never downgraded back to 'ok'). */
  readonly state: StorageState;
  /** The value, or null when absent or unreadable. */
  read(key: string): string | null;
  /** True when the value was stored; false when it is kept only for this session. */
  write(key: string, value: string): boolean;
  /** True when removed from storage; false when only hidden for this session. */
  remove(key: string): boolean;
  /**
   * Keeps `value` for this session only: from now on the key is read from and written to memory,
   * and the stored copy is never touched (used when that copy could not be backed up first).
   */
  keep(key: string, value: string): void;
  /** Every key, stored or kept in memory, in no particular order. */
  keys(): string[];
  /** Calls `listener` with the new state each time it gets worse; returns an unsubscribe. */
  onChange(listener: (state: StorageState) => void): () => void;
}

/** 'quota' for a full store (QuotaExceededError in all its spellings), else 'unavailable'. */
export function classifyStorageError(error: unknown): Exclude<StorageState, 'ok'> {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  return /quota/i.test(name) || /quota/i.test(message) || name === 'NS_ERROR_DOM_QUOTA_REACHED' ? 'quota' : 'unavailable';
}

const rank: Record<StorageState, number> = { ok: 0, quota: 1, unavailable: 2 };

/**
 * Wraps the Storage that `get` returns. `get` is called on every operation and may itself throw
 * (a blocked `localStorage` getter) or return undefined (Node): both make the store 'unavailable'.
 */
export function safeStore(get: () => StorageLike | undefined): SafeStore {
  let state: StorageState = 'ok';
  /** Values written (or removed, as null) this session that storage did not accept. */
  const memory = new Map<string, string | null>();
  /** Keys held in memory on purpose, whatever storage would accept. */
  const kept = new Set<string>();
  const listeners = new Set<(state: StorageState) => void>();

  const fail = (error: unknown) => {
    const next = classifyStorageError(error);
    if (rank[next] <= rank[state]) return;
    state = next;
    for (const listener of listeners) listener(state);
  };
  const storage = (): StorageLike => {
    const s = get();
    if (!s) throw new Error('no storage');
    return s;
  };
  /** Writes `value` (null removes the key); what storage refuses is kept in memory for the session. */
  const commit = (key: string, value: string | null): boolean => {
    if (!kept.has(key)) {
      try {
        if (value === null) storage().removeItem(key);
        else storage().setItem(key, value);
        memory.delete(key);
        return true;
      } catch (e) {
        fail(e);
      }
    }
    memory.set(key, value);
    return false;
  };

  return {
    get state() {
      return state;
    },
    read(key) {
      if (memory.has(key)) return memory.get(key) ?? null;
      try {
        return storage().getItem(key);
      } catch (e) {
        fail(e);
        return null;
      }
    },
    write: (key, value) => commit(key, value),
    remove: (key) => commit(key, null),
    keep(key, value) {
      kept.add(key);
      memory.set(key, value);
    },
    keys() {
      const found = new Set<string>();
      try {
        const s = storage();
        for (let i = 0; i < s.length; i++) {
          const key = s.key(i);
          if (key !== null) found.add(key);
        }
      } catch (e) {
        fail(e);
      }
      for (const [key, value] of memory) {
        if (value === null) found.delete(key);
        else found.add(key);
      }
      return [...found];
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
