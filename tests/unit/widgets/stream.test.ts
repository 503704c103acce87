/**
 * How the text labs hand characters to the page (text-lab/stream.ts, output.ts): every character
 * in order, several per hand-over within each frame's writing budget, the first one at once, and
 * the budget shared by texts written side by side. Time is faked: each model step takes 1 ms, and frames come from timers (Node has no animation frames).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromChars } from '../../../src/lib/textgen/vocab';
import { FRAME_BUDGET_MS, FrameClock, MAX_TURN_MS, turnBudget, type OutChar } from '../../../src/widgets/text-lab/output';
import { streamText } from '../../../src/widgets/text-lab/stream';

const vocab = fromChars(['<unk>', '\n', ...'春眠不觉晓']);
/** The page's clock, in ms; only the model moves it. */
let now = 0;
/** A model that always says the same and takes 1 ms per character. */
const model = { reset: () => {}, step: () => ((now += 1), Float32Array.from([0.1, 0.1, 0.2, 0.2, 0.1, 0.1, 0.2])) };
const opts = { prompt: '春', length: 60, temperature: 1, seed: 1 };

/** Runs fake time until `p` settles. */
async function settle<T>(p: Promise<T>): Promise<T> {
  let done = false;
  void p.finally(() => (done = true));
  while (!done) await vi.advanceTimersToNextTimerAsync();
  return p;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('streaming a text to the page', () => {
  it('hands over every character in order, the first at once and then a frame’s budget of them at a time', async () => {
    const batches: OutChar[][] = [];
    const { text } = await settle(
      streamText(
        model,
        vocab,
        opts,
        (chars) => batches.push(chars),
        () => false,
      ),
    );
    expect(
      batches
        .flat()
        .map((c) => c.char)
        .join(''),
    ).toBe(text);
    expect(batches[0]).toHaveLength(1);
    expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThanOrEqual(FRAME_BUDGET_MS - 1);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(60 / (FRAME_BUDGET_MS - 1)) + 2);
  });

  it('gives each of two texts written side by side half of each frame’s budget', async () => {
    const clock = new FrameClock();
    const sizes: Record<string, number[]> = { a: [], b: [] };
    await settle(
      Promise.all(
        ['a', 'b'].map((k) =>
          streamText(
            model,
            vocab,
            opts,
            (chars) => sizes[k].push(chars.length),
            () => false,
            clock,
          ),
        ),
      ),
    );
    for (const k of ['a', 'b']) {
      expect(sizes[k].reduce((s, n) => s + n, 0)).toBe(60);
      // While both write (not the first hand-over, nor the last, when one may have finished).
      const both = sizes[k].slice(1, -2);
      expect(both.length).toBeGreaterThan(2);
      expect(Math.max(...both)).toBeLessThanOrEqual(FRAME_BUDGET_MS / 2 + 1);
      expect(Math.min(...both)).toBeGreaterThanOrEqual(FRAME_BUDGET_MS / 2 - 1);
    }
  });

  it('writes for at least a frame’s budget, and for 1.5 × the page’s time when painting is slow, up to the longest turn', () => {
    expect(turnBudget(6)).toBe(FRAME_BUDGET_MS);
    expect(turnBudget(20)).toBe(30);
    expect(turnBudget(100)).toBe(MAX_TURN_MS);
  });

  it('stops when asked, and still hands over what was written', async () => {
    const got: OutChar[] = [];
    let n = 0;
    const { text } = await settle(
      streamText(
        model,
        vocab,
        opts,
        (chars) => got.push(...chars),
        () => ++n >= 25,
      ),
    );
    expect(got).toHaveLength(25);
    expect(got.map((c) => c.char).join('')).toBe(text);
  });
});
