import { describe, expect, it } from 'vitest';
import { chooseBackend } from '../../../src/lib/nn/backend';
import { tf } from './tf';

describe('chooseBackend', () => {
  it('takes the first backend that loads', async () => {
    const choice = await chooseBackend({ cpu: async () => {} }, ['cpu']);
    expect(choice).toEqual({ name: 'cpu', skipped: [] });
    expect(tf.getBackend()).toBe('cpu');
  });
  it('falls back past a backend that fails to load, and says so', async () => {
    const choice = await chooseBackend({
      webgl: async () => {
        throw new Error('WebGL context lost');
      },
      cpu: async () => {},
    });
    expect(choice.name).toBe('cpu');
    expect(choice.skipped).toEqual(['WebGL 不可用（WebGL context lost）。']);
  });
  it('falls back past a backend that is not registered', async () => {
    const choice = await chooseBackend({ wasm: async () => {}, cpu: async () => {} }, ['wasm', 'cpu']);
    expect(choice.name).toBe('cpu');
    expect(choice.skipped[0]).toMatch(/WebAssembly/);
  });
  it('reports when nothing works', async () => {
    await expect(chooseBackend({}, ['webgl'])).rejects.toThrow(/没有可用的计算后端/);
  });
});
