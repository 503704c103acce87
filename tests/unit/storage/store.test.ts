import { describe, expect, it } from 'vitest';
import { classifyStorageError, safeStore, type StorageState } from '../../../src/lib/storage/store';
import { storageNotice } from '../../../src/lib/storage/notice';
import { memoryStorage, throwingStorage } from '../progress/memory-storage';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A real-looking Storage whose writes fail once it is "full". */
function fullStorage(initial: Record<string, string>) {
  const storage = memoryStorage(initial);
  const full: Storage = {
    get length() {
      return storage.length;
    },
    clear: () => storage.clear(),
    getItem: (k) => storage.getItem(k),
    key: (i) => storage.key(i),
    removeItem: (k) => storage.removeItem(k),
    setItem: () => {
      throw quotaError();
    },
  };
  return { storage, full };
}

describe('a store whose every call throws (Safari private mode)', () => {
  it('never throws, and reports unavailable', () => {
    const store = safeStore(() => throwingStorage());
    expect(store.read('a')).toBeNull();
    expect(store.write('a', '1')).toBe(false);
    expect(store.remove('b')).toBe(false);
    expect(store.keys()).toEqual(['a']);
    expect(store.state).toBe('unavailable');
  });

  it('reads back for the session what it could not store', () => {
    const store = safeStore(() => throwingStorage());
    store.write('a', '1');
    expect(store.read('a')).toBe('1');
    store.remove('a');
    expect(store.read('a')).toBeNull();
  });

  it('is unavailable when reaching localStorage itself throws (site data blocked)', () => {
    const store = safeStore(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(store.read('a')).toBeNull();
    expect(store.state).toBe('unavailable');
  });

  it('is unavailable when there is no storage at all (Node)', () => {
    const store = safeStore(() => undefined);
    expect(store.write('a', '1')).toBe(false);
    expect(store.state).toBe('unavailable');
  });
});

describe('a full store', () => {
  it('reports quota, keeps the new value for the session, and leaves the stored one as it was', () => {
    const { storage, full } = fullStorage({ a: 'old', b: 'kept' });
    const store = safeStore(() => full);
    expect(store.write('a', 'new')).toBe(false);
    expect(store.state).toBe('quota');
    expect(store.read('a')).toBe('new');
    expect(store.read('b')).toBe('kept');
    expect(storage.getItem('a')).toBe('old');
  });

  it('lists stored keys and the ones kept in memory, without the ones removed this session', () => {
    const { full } = fullStorage({ a: '1' });
    const store = safeStore(() => ({
      ...full,
      length: 1,
      key: full.key,
      removeItem: () => {
        throw quotaError();
      },
    }));
    store.write('b', '2');
    store.remove('a');
    expect(store.keys()).toEqual(['b']);
  });
});

describe('state and listeners', () => {
  it('tells listeners once per change, and only when it gets worse', () => {
    let fail: 'quota' | 'security' | null = null;
    const storage = memoryStorage();
    const store = safeStore(() => ({
      ...storage,
      length: 0,
      getItem: (k: string) => storage.getItem(k),
      setItem: (k: string, v: string) => {
        if (fail === 'quota') throw quotaError();
        if (fail === 'security') throw new DOMException('denied', 'SecurityError');
        storage.setItem(k, v);
      },
    }));
    const seen: StorageState[] = [];
    const stop = store.onChange((s) => seen.push(s));
    expect(store.write('a', '1')).toBe(true);
    fail = 'quota';
    store.write('a', '2');
    store.write('a', '3');
    fail = 'security';
    store.write('a', '4');
    fail = null;
    expect(store.write('c', '5')).toBe(true);
    expect(seen).toEqual(['quota', 'unavailable']);
    expect(store.state).toBe('unavailable');
    stop();
  });

  it('a value written after a failure, once storage accepts it again, is read from storage', () => {
    let full = true;
    const storage = memoryStorage();
    const store = safeStore(() => ({
      ...storage,
      getItem: (k: string) => storage.getItem(k),
      setItem: (k: string, v: string) => {
        if (full) throw quotaError();
        storage.setItem(k, v);
      },
    }));
    store.write('a', '1');
    full = false;
    expect(store.write('a', '2')).toBe(true);
    storage.setItem('a', 'from another tab');
    expect(store.read('a')).toBe('from another tab');
  });

  it('a kept key is never written to storage, even when storage would accept it', () => {
    const storage = memoryStorage({ a: 'precious' });
    const store = safeStore(() => storage);
    store.keep('a', 'session');
    expect(store.write('a', 'later')).toBe(false);
    expect(store.remove('a')).toBe(false);
    expect(storage.getItem('a')).toBe('precious');
    expect(store.read('a')).toBeNull();
  });
});

describe('classifyStorageError', () => {
  it.each([
    [new DOMException('x', 'QuotaExceededError'), 'quota'],
    [Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }), 'quota'],
    [new Error('Storage quota exceeded'), 'quota'],
    [new DOMException('x', 'SecurityError'), 'unavailable'],
    [new DOMException('x', 'InvalidStateError'), 'unavailable'],
    ['a string', 'unavailable'],
    [null, 'unavailable'],
  ] as const)('%s → %s', (error, state) => {
    expect(classifyStorageError(error)).toBe(state);
  });
});

describe('storageNotice', () => {
  it('is empty while storage works', () => {
    expect(storageNotice('ok', '阅读进度')).toBe('');
  });

  it.each([
    ['unavailable', '本地存储'],
    ['quota', '存储空间已满'],
  ] as const)('for %s, says what will not be kept and why', (state, why) => {
    const text = storageNotice(state, '阅读进度');
    expect(text.startsWith('阅读进度不会保存：')).toBe(true);
    expect(text).toContain(why);
    expect(text).toContain('以前保存的内容不受影响');
  });
});
