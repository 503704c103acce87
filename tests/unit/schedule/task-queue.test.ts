import { afterEach, describe, expect, it, vi } from 'vitest';
import { messagePost, yieldToPage } from '../../../src/lib/schedule/task-queue';

/** Queues a chain of `length` microtasks, each queuing the next; returns how many have run. */
function microtaskChain(length: number): () => number {
  let ran = 0;
  const next = () => {
    if (++ran < length) queueMicrotask(next);
  };
  queueMicrotask(next);
  return () => ran;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('messagePost', () => {
  it('runs tasks in the order they were posted', async () => {
    const post = messagePost();
    const seen: number[] = [];
    await new Promise<void>((resolve) => {
      post(() => seen.push(1));
      post(() => seen.push(2));
      post(() => {
        seen.push(3);
        resolve();
      });
    });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('runs a task in a new task: every pending microtask has run first', async () => {
    const post = messagePost();
    const ran = microtaskChain(100);
    const seenByTask = await new Promise<number>((resolve) => post(() => resolve(ran())));
    expect(seenByTask).toBe(100);
  });

  it('falls back to setTimeout where there is no MessageChannel', async () => {
    vi.stubGlobal('MessageChannel', undefined);
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    const post = messagePost();
    await new Promise<void>((resolve) => post(resolve));
    expect(timeout).toHaveBeenCalledTimes(1);
    timeout.mockRestore();
  });
});

describe('yieldToPage', () => {
  it('resolves in a new task: every pending microtask has run first', async () => {
    const ran = microtaskChain(100);
    await yieldToPage();
    expect(ran()).toBe(100);
  });

  it('resolves callers in the order they yielded', async () => {
    const seen: number[] = [];
    await Promise.all([1, 2, 3].map((n) => yieldToPage().then(() => seen.push(n))));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('makes one MessageChannel for all its callers', async () => {
    let made = 0;
    const Real = globalThis.MessageChannel;
    vi.stubGlobal(
      'MessageChannel',
      class extends Real {
        constructor() {
          super();
          made++;
        }
      },
    );
    const fresh = await import('../../../src/lib/schedule/task-queue');
    await Promise.all([fresh.yieldToPage(), fresh.yieldToPage()]);
    await fresh.yieldToPage();
    expect(made).toBe(1);
  });
});
