import { describe, expect, it } from 'vitest';
import { reportedCores, withThreadPerCore } from '../../../src/lib/nn/wasm-threads';

/** A navigator-like object whose count comes from a prototype getter, as in browsers. */
function fakeNavigator(cores: number) {
  const proto = {};
  Object.defineProperty(proto, 'hardwareConcurrency', { get: () => cores, configurable: true });
  return Object.create(proto) as { hardwareConcurrency: number };
}

describe('reportedCores', () => {
  it('doubles the logical core count, so that TF.js halving it gives one thread per core', () => {
    expect(reportedCores(2)).toBe(4);
    expect(reportedCores(8)).toBe(16);
  });

  it('reports 2 (one thread) for a missing or nonsensical count', () => {
    expect(reportedCores(Number.NaN)).toBe(2);
    expect(reportedCores(0)).toBe(2);
  });
});

describe('withThreadPerCore', () => {
  it('shows the doubled count while the backend starts', async () => {
    const nav = fakeNavigator(2);
    expect(await withThreadPerCore(nav, async () => nav.hardwareConcurrency)).toBe(4);
  });

  it('restores the real count afterwards', async () => {
    const nav = fakeNavigator(2);
    await withThreadPerCore(nav, async () => 0);
    expect(nav.hardwareConcurrency).toBe(2);
    expect(Object.hasOwn(nav, 'hardwareConcurrency')).toBe(false);
  });

  it('restores the real count when starting fails', async () => {
    const nav = fakeNavigator(2);
    await expect(
      withThreadPerCore(nav, async () => {
        throw new Error('no wasm');
      }),
    ).rejects.toThrow('no wasm');
    expect(nav.hardwareConcurrency).toBe(2);
  });

  it('runs unchanged when the navigator cannot be redefined', async () => {
    const nav = Object.freeze({ hardwareConcurrency: 2 });
    expect(await withThreadPerCore(nav, async () => nav.hardwareConcurrency)).toBe(2);
  });
});
