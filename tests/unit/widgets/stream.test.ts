/**
 * How the text labs hand characters to the page (text-lab/stream.ts, output.ts): every character
 * in order, the first one at once and the rest once an animation frame, writing going on between
 * frames in slices of SLICE_MS, and the slices shared by texts written side by side. Time is
 * faked: each model step takes 1 ms, and a fake page renders a frame (2 ms) between two tasks
 * once 16 ms have passed since its last one, as a browser does.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromChars } from '../../../src/lib/textgen/vocab';
import { FrameClock, SLICE_MS, type OutChar } from '../../../src/widgets/text-lab/output';
import { streamText } from '../../../src/widgets/text-lab/stream';

const vocab = fromChars(['<unk>', '\n', ...'春眠不觉晓']);
const FRAME_MS = 16;
const RENDER_MS = 2;
/** The page's clock, in ms; the model and rendering move it. */
let now = 0;
let lastFrame = 0;
/** What happened, in order: a model's step (its name), a yield to the page ('·') or a frame ('|'). */
let log: string[] = [];
let frameWaiters: (() => void)[] = [];
/** A model that always says the same and takes 1 ms per character. */
const model = (name = 'a') => ({ reset: () => {}, step: () => (log.push(name), (now += 1), Float32Array.from([0.1, 0.1, 0.2, 0.2, 0.1, 0.1, 0.2])) });
const opts = { prompt: '春', length: 60, temperature: 1, seed: 1 };

/** The fake page: between two tasks it renders a frame when one is due, running the frame's callbacks first. */
const page = {
  yieldToPage: async () => {
    log.push('·');
    await Promise.resolve();
    if (now - lastFrame >= FRAME_MS) {
      lastFrame = now;
      log.push('|');
      for (const resolve of frameWaiters.splice(0)) resolve();
      now += RENDER_MS;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  },
  nextFrame: () => new Promise<void>((resolve) => frameWaiters.push(resolve)),
};

/** Each writer's slices: how many steps it took in a row, between yields to the page. */
function runs(): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  let i = 0;
  while (i < log.length) {
    let j = i;
    while (j < log.length && log[j] === log[i]) j++;
    if (log[i] !== '|' && log[i] !== '·') (out[log[i]] ??= []).push(j - i);
    i = j;
  }
  return out;
}

beforeEach(() => {
  now = 0;
  lastFrame = 0;
  log = [];
  frameWaiters = [];
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('streaming a text to the page', () => {
  it('hands over every character in order, the first at once and the rest only at frames', async () => {
    const batches: OutChar[][] = [];
    const atFrame: boolean[] = [];
    const { text } = await streamText(
      model(),
      vocab,
      opts,
      (chars) => {
        batches.push(chars);
        atFrame.push(log.at(-1) === '|');
      },
      () => false,
      new FrameClock(page),
    );
    expect(
      batches
        .flat()
        .map((c) => c.char)
        .join(''),
    ).toBe(text);
    expect(batches[0]).toHaveLength(1);
    // Between the first and the last (what is left at the end), every hand-over is a frame's.
    expect(atFrame.slice(1, -1).every(Boolean)).toBe(true);
    expect(batches.length).toBeLessThanOrEqual(log.filter((e) => e === '|').length + 2);
  });

  it('goes on writing between frames: a frame hands over more than one slice of characters', async () => {
    const sizes: number[] = [];
    await streamText(
      model(),
      vocab,
      opts,
      (chars) => sizes.push(chars.length),
      () => false,
      new FrameClock(page),
    );
    expect(Math.max(...sizes)).toBeGreaterThan(SLICE_MS);
  });

  it('yields to the page after each slice of SLICE_MS', async () => {
    await streamText(
      model(),
      vocab,
      opts,
      () => {},
      () => false,
      new FrameClock(page),
    );
    const slices = runs().a;
    expect(slices.length).toBeGreaterThan(3);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_MS + 1);
    // Not the first slice (before the first character) nor the last (what was left).
    expect(Math.min(...slices.slice(1, -1))).toBeGreaterThanOrEqual(SLICE_MS - 1);
  });

  it('gives each of two texts written side by side half of each slice, taking turns', async () => {
    const clock = new FrameClock(page);
    const total: Record<string, number> = { a: 0, b: 0 };
    await Promise.all(
      ['a', 'b'].map((k) =>
        streamText(
          model(k),
          vocab,
          opts,
          (chars) => (total[k] += chars.length),
          () => false,
          clock,
        ),
      ),
    );
    for (const k of ['a', 'b']) {
      expect(total[k]).toBe(60);
      // While both write (not the first slice, nor the last two, when one may have finished).
      const both = runs()[k].slice(1, -2);
      expect(both.length).toBeGreaterThan(2);
      expect(Math.max(...both)).toBeLessThanOrEqual(SLICE_MS / 2 + 1);
      expect(Math.min(...both)).toBeGreaterThanOrEqual(SLICE_MS / 2 - 1);
    }
  });

  it('stops when asked, and still hands over what was written', async () => {
    const got: OutChar[] = [];
    let n = 0;
    const { text } = await streamText(
      model(),
      vocab,
      opts,
      (chars) => got.push(...chars),
      () => ++n >= 25,
      new FrameClock(page),
    );
    expect(got).toHaveLength(25);
    expect(got.map((c) => c.char).join('')).toBe(text);
  });

  it('hands over every character written before the model fails, then passes the error on', async () => {
    const got: OutChar[] = [];
    const failing = model();
    let steps = 0;
    const step = failing.step;
    failing.step = () => {
      if (++steps > 30) throw new Error('模型出错');
      return step();
    };
    await expect(
      streamText(
        failing,
        vocab,
        opts,
        (chars) => got.push(...chars),
        () => false,
        new FrameClock(page),
      ),
    ).rejects.toThrow('模型出错');
    // Steps 1–2 read the separator and the prompt; step 3 on feeds each written character back, and step 31, feeding the 29th, fails.
    expect(got).toHaveLength(29);
  });
});
