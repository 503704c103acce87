import { describe, expect, it } from 'vitest';
import { messagePost, yieldToPage } from '../../../src/lib/schedule/task-queue';

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

  it('runs a task after the code that posted it, not during it', () => {
    const post = messagePost();
    let ran = false;
    post(() => (ran = true));
    expect(ran).toBe(false);
  });
});

describe('yieldToPage', () => {
  it('resolves after the microtasks queued before it, in a later task', async () => {
    const seen: string[] = [];
    const done = yieldToPage().then(() => seen.push('yield'));
    void Promise.resolve().then(() => seen.push('microtask'));
    await done;
    expect(seen).toEqual(['microtask', 'yield']);
  });

  it('resolves callers in the order they yielded', async () => {
    const seen: number[] = [];
    await Promise.all([1, 2, 3].map((n) => yieldToPage().then(() => seen.push(n))));
    expect(seen).toEqual([1, 2, 3]);
  });
});
