import { describe, expect, it } from 'vitest';
import { indexedDBOpens, PROBE_DB } from '../../../src/lib/storage/indexed-db';

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
  it('is true when a database opens, and closes and deletes the probe database it opened (never tf.io’s)', async () => {
    const [opened, closed, deleted]: string[][] = [[], [], []];
    await expect(indexedDBOpens(() => fakeFactory('success', opened, closed, deleted))).resolves.toBe(true);
    expect([opened, closed, deleted]).toEqual([[PROBE_DB], [PROBE_DB], [PROBE_DB]]);
  });

  it('does not wait for good on a request that never answers: after the wait, storage is left to be tried', async () => {
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
    await expect(answer).resolves.toBe(true);
    expect(waits).toEqual([3000]);
  });

  it('is false when the browser has no IndexedDB', async () => {
    await expect(indexedDBOpens(() => undefined)).resolves.toBe(false);
  });

  it('is false when reading indexedDB itself throws', async () => {
    await expect(
      indexedDBOpens(() => {
        throw new DOMException('denied', 'SecurityError');
      }),
    ).resolves.toBe(false);
  });

  it('is false when open() throws (Firefox with site data blocked)', async () => {
    const refusing = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await expect(indexedDBOpens(() => refusing)).resolves.toBe(false);
  });

  it.each<Outcome>(['error', 'blocked'])('is false when the open request fires %s', async (outcome) => {
    await expect(indexedDBOpens(() => fakeFactory(outcome))).resolves.toBe(false);
  });
});
