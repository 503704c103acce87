/**
 * Generated characters packed for the trip from the worker to the page (char-batch.ts): what the
 * page unpacks is what the worker wrote, every character with the bars shownIndices gives it;
 * arrays that do not fit the format, or ids outside the vocabulary, are refused without throwing.
 */
import { describe, expect, it } from 'vitest';
import { CharBatchWriter, MAX_BARS, parseCharBatch, unpackChars } from '../../../src/lib/textgen/char-batch';
import { shownIndices } from '../../../src/lib/textgen/sample';

const chars = ['<unk>', '\n', ...'春眠不觉晓处闻啼鸟夜来风雨声花落知多少'];
/** A distribution over `chars` peaked at `peak`, with <unk> likely enough to be among the top. */
const dist = (peak: number) => Float64Array.from(chars, (_, i) => (i === peak ? 0.5 : i === 0 ? 0.1 : 0.4 / (chars.length - 2)));

describe('a packed batch of characters', () => {
  it('unpacks to the characters written, in order, each with its bars as shownIndices ranks them (<unk> shown as U+FFFD)', () => {
    const w = new CharBatchWriter();
    const written = [2, 5, 1, 7, 20];
    for (const id of written) w.add(id, dist(id === 20 ? 3 : id));
    const got = unpackChars(parseCharBatch(w.take())!, chars)!;
    expect(got.map((c) => c.char)).toEqual(written.map((id) => chars[id]));
    written.forEach((id, i) => {
      const d = dist(id === 20 ? 3 : id);
      const expected = shownIndices(d, id).map((j) => ({ char: j === 0 ? '\uFFFD' : chars[j], p: d[j] }));
      expect(got[i].bars).toEqual(expected);
    });
    // Character 20 was drawn from outside the top 10: it is the 11th bar.
    expect(got[4].bars).toHaveLength(MAX_BARS);
  });

  it('grows past its first arrays and starts afresh after each take', () => {
    const w = new CharBatchWriter();
    for (let i = 0; i < 150; i++) w.add(2 + (i % 19), dist(2 + (i % 19)));
    const first = w.take();
    expect(first.ids).toHaveLength(150);
    expect(Array.from(first.ids.slice(140))).toEqual(Array.from({ length: 10 }, (_, k) => 2 + ((140 + k) % 19)));
    w.add(3, dist(3));
    expect(Array.from(w.take().ids)).toEqual([3]);
  });

  it('refuses arrays of the wrong type or length, negative ids and probabilities that are NaN or outside [0, 1]', () => {
    const ok = () => ({ ids: Int32Array.of(2), barIds: new Int32Array(MAX_BARS).fill(-1), barP: new Float64Array(MAX_BARS) });
    expect(parseCharBatch(ok())).not.toBeNull();
    const bad = [
      { ...ok(), ids: [2] },
      { ...ok(), barP: new Float32Array(MAX_BARS) },
      { ...ok(), barIds: new Int32Array(MAX_BARS - 1) },
      { ...ok(), ids: Int32Array.of(-1) },
      { ...ok(), barIds: new Int32Array(MAX_BARS).fill(-2) },
      { ...ok(), barP: new Float64Array(MAX_BARS).fill(NaN) },
      { ...ok(), barP: new Float64Array(MAX_BARS).fill(1.5) },
      Object.create(ok()) as object,
      null,
      'batch',
    ];
    for (const b of bad) expect(parseCharBatch(b)).toBeNull();
  });

  it('refuses ids outside the vocabulary the page handed the worker', () => {
    const batch = { ids: Int32Array.of(chars.length), barIds: new Int32Array(MAX_BARS).fill(-1), barP: new Float64Array(MAX_BARS) };
    expect(unpackChars(batch, chars)).toBeNull();
    const bars = { ids: Int32Array.of(2), barIds: new Int32Array(MAX_BARS).fill(-1), barP: new Float64Array(MAX_BARS) };
    bars.barIds[0] = chars.length;
    expect(unpackChars(bars, chars)).toBeNull();
  });
});
