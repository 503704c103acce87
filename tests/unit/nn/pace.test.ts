import { describe, expect, it } from 'vitest';
import { Pace } from '../../../src/lib/nn/pace';

/** A fake clock: each step takes `ms[i]` (the last entry repeats). */
function frame(pace: Pace, ms: number[], stopAfter = Infinity) {
  let t = 0;
  let i = 0;
  return pace.run(
    () => {
      t += ms[Math.min(i, ms.length - 1)];
      return ++i < stopAfter;
    },
    0,
    () => t,
  );
}

describe('Pace', () => {
  it('runs steps until the budget is spent', () => {
    expect(frame(new Pace(12, 40, 30), [1])).toBe(12);
  });

  it('runs as many steps as recent frames fitted in the budget, even in a slow frame', () => {
    const pace = new Pace(12, 400, 30);
    frame(pace, [1]); // 11 steps fitted in 12 ms
    expect(frame(pace, [20, 1])).toBe(11); // descheduled for 20 ms at the first step
  });

  it('never trains past the limit', () => {
    const pace = new Pace(12, 40, 30);
    frame(pace, [1]);
    expect(frame(pace, [30, 30])).toBe(2);
  });

  it('forgets frames older than its window, and everything on reset', () => {
    const pace = new Pace(12, 400, 2);
    frame(pace, [1]);
    frame(pace, [4]);
    frame(pace, [4]);
    expect(frame(pace, [20, 1])).toBe(2); // the 11-step frame has left the window
    pace.reset();
    expect(frame(pace, [20, 1])).toBe(1);
  });

  it('stops when a step says so', () => {
    expect(frame(new Pace(12, 40, 30), [1], 3)).toBe(3);
  });
});
