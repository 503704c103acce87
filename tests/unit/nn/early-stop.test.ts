import { describe, expect, it } from 'vitest';
import { EarlyStop } from '../../../src/lib/nn/early-stop';

const feed = (stop: EarlyStop, losses: number[]) => losses.map((v) => stop.observe(v));

describe('EarlyStop', () => {
  it('keeps going while the validation loss improves', () => {
    expect(feed(new EarlyStop(2), [0.9, 0.8, 0.7, 0.6])).toEqual([false, false, false, false]);
  });

  it('stops after `patience` observations without a new best', () => {
    const stop = new EarlyStop(3);
    expect(feed(stop, [0.5, 0.6, 0.55, 0.51])).toEqual([false, false, false, true]);
    expect(stop.best).toBe(0.5);
  });

  it('does not count an improvement smaller than minDelta', () => {
    const stop = new EarlyStop(2, 0.01);
    expect(feed(stop, [0.5, 0.495, 0.492])).toEqual([false, false, true]);
  });

  it('a new best resets the count', () => {
    expect(feed(new EarlyStop(2), [0.5, 0.6, 0.4, 0.6, 0.6])).toEqual([false, false, false, false, true]);
  });

  it('reset forgets the best', () => {
    const stop = new EarlyStop(1);
    stop.observe(0.1);
    stop.reset();
    expect(stop.observe(0.9)).toBe(false);
  });
});
