/**
 * How generated text reaches the page: the worker's loop (text-lab/gen-batches.ts) posts the
 * characters in batches, the first at once and then one batch per BATCH_MS, and the page's side
 * (FrameHandover in output.ts) hands what arrives to the lab at most once an animation frame.
 * Time is faked: each model step takes 1 ms.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unpackChars, type CharBatch, type GenChar } from '../../../src/lib/textgen/char-batch';
import type { NextCharModel } from '../../../src/lib/textgen/generate';
import { fromChars } from '../../../src/lib/textgen/vocab';
import { BATCH_MS, generateInBatches } from '../../../src/widgets/text-lab/gen-batches';
import { FrameHandover, type OutChar } from '../../../src/widgets/text-lab/output';

const vocab = fromChars(['<unk>', '\n', ...'春眠不觉晓']);
/** The worker's clock, in ms; the model moves it. */
let now = 0;
/** A model that always says the same and takes 1 ms per character (at T = 1, as the runs here). */
const model = () => {
  const step = () => ((now += 1), Float32Array.from([0.1, 0.1, 0.2, 0.2, 0.1, 0.1, 0.2]));
  const stepTempered: NextCharModel['stepTempered'] = () => step().map((p, i) => (i === 0 ? 0 : p / 0.9));
  return { reset: () => {}, step, stepTempered };
};
const opts = { prompt: '春', length: 60, temperature: 1, seed: 1 };

/** A port that records each batch (unpacked as the page does) and the worker's clock when it was posted. */
function port() {
  const batches: { at: number; chars: GenChar[] }[] = [];
  return { batches, post: (b: CharBatch) => batches.push({ at: now, chars: unpackChars(b, vocab.chars)! }), nextTask: async () => {}, now: () => now };
}

beforeEach(() => {
  now = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the worker writing in batches', () => {
  it('posts every character in order with its bars, the first alone and at once', async () => {
    const p = port();
    const { text } = await generateInBatches(model(), vocab, opts, p, () => false);
    const chars = p.batches.flatMap((b) => b.chars);
    expect(chars.map((c) => c.char).join('')).toBe(text);
    expect(p.batches[0].chars).toHaveLength(1);
    for (const c of chars) expect(c.bars.some((b) => b.char === c.char)).toBe(true);
  });

  it('posts a batch per BATCH_MS of writing, not one per character', async () => {
    const p = port();
    await generateInBatches(model(), vocab, opts, p, () => false);
    // 60 characters at 1 ms each: the first alone, then one batch per BATCH_MS, then what is left.
    expect(p.batches.length).toBeLessThanOrEqual(2 + Math.ceil(60 / BATCH_MS));
    const gaps = p.batches.slice(1, -1).map((b, i) => b.at - p.batches[i].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(BATCH_MS);
  });

  it('lets the worker take its messages after each batch, so a stop is seen', async () => {
    let asked = false;
    const p = { ...port(), nextTask: async () => void (asked = now > 20) };
    const { text } = await generateInBatches(model(), vocab, opts, p, () => asked);
    expect(text.length).toBeLessThan(60);
    expect(
      p.batches
        .flatMap((b) => b.chars)
        .map((c) => c.char)
        .join(''),
    ).toBe(text);
  });

  it('posts every character written before the model fails, then passes the error on', async () => {
    const p = port();
    const failing = model();
    let steps = 0;
    const step = failing.stepTempered;
    failing.stepTempered = (id, t) => {
      if (++steps > 30) throw new Error('模型出错');
      return step(id, t);
    };
    await expect(generateInBatches(failing, vocab, opts, p, () => false)).rejects.toThrow('模型出错');
    // Steps 1–2 read the separator and the prompt; step 3 on feeds each written character back, and step 31, feeding the 29th, fails.
    expect(p.batches.flatMap((b) => b.chars)).toHaveLength(29);
  });
});

describe('the page handing characters over once a frame', () => {
  const char = (c: string): OutChar => ({ char: c, bars: [{ char: c, p: 1 }] });

  it('hands the first characters over at once and later ones only at the next frame, in order', async () => {
    const frames: (() => void)[] = [];
    const got: string[][] = [];
    const h = new FrameHandover(
      (chars) => got.push(chars.map((c) => c.char)),
      () => new Promise<void>((resolve) => frames.push(resolve)),
    );
    h.push([char('春')]);
    expect(got).toEqual([['春']]);
    h.push([char('眠')]);
    h.push([char('不'), char('觉')]);
    expect(got).toHaveLength(1);
    // Three pushes between two frames asked for one frame, not three.
    expect(frames).toHaveLength(1);
    frames[0]();
    await Promise.resolve();
    expect(got).toEqual([['春'], ['眠', '不', '觉']]);
  });

  it('flush hands over what is pending at once, and a frame after it hands over nothing twice', async () => {
    const frames: (() => void)[] = [];
    const got: string[] = [];
    const h = new FrameHandover(
      (chars) => got.push(...chars.map((c) => c.char)),
      () => new Promise<void>((resolve) => frames.push(resolve)),
    );
    h.push([char('春')]);
    h.push([char('眠')]);
    h.flush();
    expect(got).toEqual(['春', '眠']);
    frames[0]();
    await Promise.resolve();
    expect(got).toEqual(['春', '眠']);
  });
});
