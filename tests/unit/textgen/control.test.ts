import { describe, expect, it } from 'vitest';
import { TrainControl } from '../../../src/lib/textgen/control';

describe('pause, resume and stop for a training run', () => {
  it('lets a batch end go straight on when no pause was asked for', async () => {
    const c = new TrainControl();
    let paused = false;
    await c.afterBatch(() => (paused = true));
    expect(paused).toBe(false);
    expect(c.shouldStop()).toBe(false);
  });

  it('holds the run after a pause until resume, calling onPaused once', async () => {
    const c = new TrainControl();
    c.pause();
    let calls = 0;
    let passed = false;
    const held = c.afterBatch(() => calls++).then(() => (passed = true));
    await new Promise((r) => setTimeout(r, 0));
    expect([calls, passed]).toEqual([1, false]);
    c.resume();
    await held;
    expect(passed).toBe(true);
  });

  it('releases a paused run on stop, and reset forgets the stop for the next run', async () => {
    const c = new TrainControl();
    c.pause();
    const held = c.afterBatch(() => {});
    c.stop();
    await held;
    expect(c.shouldStop()).toBe(true);
    c.reset();
    expect(c.shouldStop()).toBe(false);
  });
});
