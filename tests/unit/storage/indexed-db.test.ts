import { describe, expect, it } from 'vitest';
import { indexedDBOpens, LATE, PROBE_DB, STORAGE_WAIT_MS, storageAnswer, within, type Timer } from '../../../src/lib/storage/indexed-db';

type Outcome = 'success' | 'error' | 'blocked';

/** An IDBFactory whose open() request ends as told, on the next tick, as a browser's does. */
function fakeFactory(outcome: Outcome, opened: string[] = [], closed: string[] = [], deleted: string[] = []): IDBFactory {
  return {
    deleteDatabase(name: string) {
      deleted.push(name);
    },
    open(name: string) {
      opened.push(name);
      const request: Record<string, unknown> = { result: { close: () => closed.push(name) } };
      setTimeout(() => (request[`on${outcome}`] as (() => void) | undefined)?.(), 0);
      return request as unknown as IDBOpenDBRequest;
    },
  } as unknown as IDBFactory;
}

describe('indexedDBOpens', () => {
  it('is ok when a database opens, and closes and deletes the probe database it opened (never tf.io’s)', async () => {
    const [opened, closed, deleted]: string[][] = [[], [], []];
    await expect(indexedDBOpens(() => fakeFactory('success', opened, closed, deleted))).resolves.toBe('ok');
    expect([opened, closed, deleted]).toEqual([[PROBE_DB], [PROBE_DB], [PROBE_DB]]);
  });

  it('does not wait for good on a request that never answers: after the wait it is late, so no later reader waits again', async () => {
    const silent = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory;
    const waits: number[] = [];
    const answer = indexedDBOpens(
      () => silent,
      3000,
      (f, ms) => {
        waits.push(ms);
        f();
      },
    );
    await expect(answer).resolves.toBe('late');
    expect(waits).toEqual([3000]);
  });

  it('is refused when the browser has no IndexedDB', async () => {
    await expect(indexedDBOpens(() => undefined)).resolves.toBe('refused');
  });

  it('is refused when reading indexedDB itself throws', async () => {
    await expect(
      indexedDBOpens(() => {
        throw new DOMException('denied', 'SecurityError');
      }),
    ).resolves.toBe('refused');
  });

  it('is refused when open() throws (Firefox with site data blocked)', async () => {
    const refusing = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await expect(indexedDBOpens(() => refusing)).resolves.toBe('refused');
  });

  it.each<Outcome>(['error', 'blocked'])('is refused when the open request fires %s', async (outcome) => {
    await expect(indexedDBOpens(() => fakeFactory(outcome))).resolves.toBe('refused');
  });
});

/** A timer that records each wait and fires it at once: the wait is over before any promise settles. */
const firing =
  (waits: number[]): Timer =>
  (f, ms) => {
    waits.push(ms);
    f();
  };
/** A timer that never fires. */
const never: Timer = () => {};
const pending = () => new Promise<never>(() => {});

describe('within', () => {
  it('gives the value when the promise settles before the wait is over', async () => {
    await expect(within(Promise.resolve(7), 3000, never)).resolves.toBe(7);
  });

  it('gives LATE when the wait is over first, waiting the given ms', async () => {
    const waits: number[] = [];
    await expect(within(pending(), 3000, firing(waits))).resolves.toBe(LATE);
    expect(waits).toEqual([3000]);
  });

  it('passes a rejection through', async () => {
    await expect(within(Promise.reject(new Error('no')), 3000, never)).rejects.toThrow('no');
  });
});

describe('storageAnswer (the §10.4 worker asking IndexedDB for the saved models)', () => {
  it('is ok when the read answers in time', async () => {
    await expect(storageAnswer(true, async () => ({}), STORAGE_WAIT_MS, never)).resolves.toBe('ok');
  });

  it('is late when the read never answers, after the probe’s own wait', async () => {
    const waits: number[] = [];
    await expect(storageAnswer(true, pending, undefined, firing(waits))).resolves.toBe('late');
    expect(waits).toEqual([STORAGE_WAIT_MS]);
  });

  it('is refused when the read rejects or throws', async () => {
    await expect(storageAnswer(true, () => Promise.reject(new DOMException('denied', 'SecurityError')), STORAGE_WAIT_MS, never)).resolves.toBe('refused');
    const throwing = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    await expect(storageAnswer(true, throwing, STORAGE_WAIT_MS, never)).resolves.toBe('refused');
  });

  it('is refused without reading when there is no IndexedDB', async () => {
    let read = false;
    await expect(storageAnswer(false, async () => (read = true), STORAGE_WAIT_MS, never)).resolves.toBe('refused');
    expect(read).toBe(false);
  });
});

describe('the page’s probe and the worker wait the same time', () => {
  it('indexedDBOpens waits STORAGE_WAIT_MS by default', async () => {
    const silent = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory;
    const waits: number[] = [];
    await indexedDBOpens(() => silent, undefined, firing(waits));
    expect(waits).toEqual([STORAGE_WAIT_MS]);
  });
});
