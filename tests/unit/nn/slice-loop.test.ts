import { describe, expect, it } from 'vitest';
import { MAX_CUT_MS, SliceLoop } from '../../../src/lib/nn/slice-loop';

/** A fake page: a clock, a task queue run by hand, and a step that takes `stepMs`. */
function fakePage(stepMs = 1, stopAt = Infinity) {
  let t = 0;
  let steps = 0;
  const tasks: (() => void)[] = [];
  const ends: unknown[] = [];
  const page = {
    get steps() {
      return steps;
    },
    ends,
    tasks,
    advance: (ms: number) => (t += ms),
    /** Runs the queued tasks, one after another, as the browser would between frames. */
    runTasks(max = 100) {
      let n = 0;
      while (tasks.length && n++ < max) tasks.shift()!();
      return n;
    },
    step: () => {
      t += stepMs;
      return ++steps < stopAt;
    },
    options: {
      sliceMs: 16,
      minSliceMs: 16,
      maxSliceMs: 16,
      staleMs: 250,
      now: () => t,
      post: (task: () => void) => void tasks.push(task),
      onEnd: (e?: unknown) => ends.push(e),
    },
  };
  return page;
}

describe('SliceLoop', () => {
  it('runs steps in tasks of at most the slice, one task queued at a time', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, page.options);
    loop.start();
    expect(page.tasks).toHaveLength(1);
    page.tasks.shift()!();
    expect(page.steps).toBe(16);
    expect(page.tasks).toHaveLength(1); // the next slice, behind whatever the page queued meanwhile
  });

  it('keeps stepping between frames while frames come', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, page.options);
    loop.start();
    page.runTasks(5);
    loop.frame();
    page.runTasks(5);
    expect(page.steps).toBe(160);
  });

  it('pauses when no frame has come for staleMs (a hidden tab) and resumes at the next frame', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, page.options);
    loop.start();
    page.runTasks(1000);
    expect(page.steps).toBe(256); // 16 slices of 16 ms, then the last frame is 256 ms old
    expect(page.tasks).toHaveLength(0);
    loop.frame();
    page.runTasks(1);
    expect(page.steps).toBe(272);
  });

  it('stops before the next step when stopped, even with a task queued, and never runs two chains', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, page.options);
    loop.start();
    loop.stop();
    loop.start();
    expect(page.tasks).toHaveLength(1);
    loop.stop();
    page.runTasks();
    expect(page.steps).toBe(0);
  });

  it('ends by itself when a step returns false, and says so without an error', () => {
    const page = fakePage(1, 5);
    const loop = new SliceLoop(page.step, page.options);
    loop.start();
    page.runTasks();
    expect(page.steps).toBe(5);
    expect(loop.active).toBe(false);
    expect(page.ends).toEqual([undefined]);
  });

  it('ends with the error when a step throws', () => {
    const page = fakePage(1);
    const error = new Error('WebGL context lost');
    const loop = new SliceLoop(() => {
      throw error;
    }, page.options);
    loop.start();
    page.runTasks();
    expect(loop.active).toBe(false);
    expect(page.ends).toEqual([error]);
  });

  it('waits, without stepping, while not ready, and the next frame retries', () => {
    const page = fakePage(1);
    let ready = false;
    const loop = new SliceLoop(page.step, { ...page.options, ready: () => ready });
    loop.start();
    page.runTasks();
    expect(page.steps).toBe(0);
    ready = true;
    loop.frame();
    page.runTasks(1);
    expect(page.steps).toBe(16);
  });

  it('shortens the slice when frames come later than frameMs, down to minSliceMs', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, { ...page.options, frameMs: 28, minSliceMs: 4, maxSliceMs: 24 });
    loop.start();
    page.advance(40);
    loop.frame();
    expect(loop.sliceMs).toBe(10); // 16 + (28 − 40)/2
    for (let i = 0; i < 20; i++) {
      page.advance(40);
      loop.frame();
    }
    expect(loop.sliceMs).toBe(4);
  });

  it('lengthens the slice by half the time to spare when frames come sooner, up to maxSliceMs', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, { ...page.options, sliceMs: 12, frameMs: 28, minSliceMs: 4, maxSliceMs: 24 });
    loop.start();
    page.advance(20);
    loop.frame();
    expect(loop.sliceMs).toBe(16); // 12 + (28 − 20)/2
    for (let i = 0; i < 20; i++) {
      page.advance(20);
      loop.frame();
    }
    expect(loop.sliceMs).toBe(24);
  });

  it('settles where a frame comes every frameMs: the slice plus the drawing (8 ms here) makes 28 ms', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, { ...page.options, sliceMs: 4, frameMs: 28, minSliceMs: 4, maxSliceMs: 24 });
    loop.start();
    for (let i = 0; i < 12; i++) {
      page.runTasks(1); // one slice, then the frame draws for 8 ms
      page.advance(8);
      loop.frame();
    }
    expect(Math.abs(loop.sliceMs - 20)).toBeLessThanOrEqual(1); // a slice ends on a whole 1 ms step
  });

  it('takes at most MAX_CUT_MS off the slice for one very late frame', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, { ...page.options, sliceMs: 24, frameMs: 28, minSliceMs: 4, maxSliceMs: 24 });
    loop.start();
    page.advance(200);
    loop.frame();
    expect(loop.sliceMs).toBe(24 - MAX_CUT_MS);
  });

  it('keeps the slice after a pause for want of frames (a hidden tab says nothing about the machine)', () => {
    const page = fakePage(1);
    const loop = new SliceLoop(page.step, { ...page.options, sliceMs: 12, frameMs: 28, minSliceMs: 4, maxSliceMs: 24 });
    loop.start();
    page.advance(5000);
    loop.frame();
    expect(loop.sliceMs).toBe(12);
  });

  it('starts at the longest slice unless told otherwise', () => {
    expect(new SliceLoop(() => true, { post: () => {}, maxSliceMs: 24 }).sliceMs).toBe(24);
  });

  it('runs a long step alone in its slice', () => {
    const page = fakePage(40);
    const loop = new SliceLoop(page.step, page.options);
    loop.start();
    page.runTasks(1);
    expect(page.steps).toBe(1);
  });
});
