/**
 * The KV-cache stepper against the full forward pass, at every position, on the CPU backend and
 * on WebAssembly (loaded from node_modules, as tests/unit/textgen/wasm-kernels.test.ts does).
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/textgen/generate';
import { fromChars } from '../../../src/lib/textgen/vocab';
import { forward } from '../../../src/lib/transformer/forward';
import { TransformerStepper } from '../../../src/lib/transformer/stepper';
import { boldWeights, someIds, TINY, useCpu } from './tiny';

setWasmPaths(fileURLToPath(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
beforeAll(useCpu);
afterAll(useCpu);

/** Full-forward logits of `ids` at every position, as rows. */
const fullLogits = (w: tf.NamedTensorMap, ids: number[]) => tf.tidy(() => forward(TINY, w, tf.tensor2d([ids], undefined, 'int32')).logits.arraySync()[0]);

/** Largest |step − full| over every position of a whole context. */
function maxStepError(seed: number): number {
  const w = boldWeights(TINY, seed);
  const ids = someIds(TINY.contextLength);
  const full = fullLogits(w, ids);
  const stepper = TransformerStepper.fromWeights(TINY, w);
  let worst = 0;
  ids.forEach((id, i) => {
    const step = stepper.stepLogits(id);
    full[i].forEach((v, j) => (worst = Math.max(worst, Math.abs(v - step[j]))));
  });
  stepper.dispose();
  tf.dispose(Object.values(w));
  return worst;
}

describe('the KV-cache stepper', () => {
  it('equals the full forward pass at every position within 1e-5 on CPU', () => {
    expect(maxStepError(11)).toBeLessThan(1e-5);
  });

  it('equals the full forward pass at every position within 1e-5 on WebAssembly', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(maxStepError(12)).toBeLessThan(1e-5);
    await useCpu();
  });

  it('does the same work for every character but the attention over the cache (counted in elements computed, not time)', async () => {
    const c = { ...TINY, vocabSize: 300, contextLength: 16 };
    const w = boldWeights(c, 15);
    const stepper = TransformerStepper.fromWeights(c, w);
    /** Elements written by every kernel that one step runs. */
    const work = async () => {
      const p = await tf.profile(() => void stepper.step(5));
      return { kernels: p.kernels.length, elements: p.kernels.reduce((s, k) => s + k.outputShapes.reduce((a, sh) => a + sh.reduce((x, y) => x * y, 1), 0), 0) };
    };
    stepper.step(1);
    const early = await work(); // reads position 1
    while (stepper.position < c.contextLength - 1) stepper.step(2);
    const late = await work(); // reads position 15
    expect(late.kernels).toBe(early.kernels);
    // Only the cached keys/values (2d per position) and the h scores per position grow; re-reading
    // the text would add at least V logits per earlier character.
    const grown = late.elements - early.elements;
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThanOrEqual(c.layers * 14 * (2 * c.dModel + 8 * c.heads));
    stepper.dispose();
    tf.dispose(Object.values(w));
  });

  it('slides past the context length: keeps the last ⌈T/2⌉ characters and goes on like a fresh forward pass over them', () => {
    const w = boldWeights(TINY, 13);
    const stepper = TransformerStepper.fromWeights(TINY, w);
    const ids = someIds(TINY.contextLength + 3);
    const probs = ids.map((id) => stepper.step(id));
    const keep = TINY.contextLength / 2;
    // After id T (0-based), the cache holds ids[T−keep+1 … T]; after id T+2, ids[T−keep+1 … T+2].
    const window = ids.slice(TINY.contextLength - keep + 1);
    const expected = tf.tidy(() => tf.softmax(tf.tensor(fullLogits(w, window))).arraySync() as number[][]);
    expect(stepper.position).toBe(window.length);
    expected.at(-1)!.forEach((p, j) => expect(Math.abs(p - probs.at(-1)![j])).toBeLessThan(1e-6));
    stepper.dispose();
    tf.dispose(Object.values(w));
  });

  it('drives the LSTM lab’s generate(), reproducibly for a seed', async () => {
    const w = boldWeights(TINY, 14);
    const stepper = TransformerStepper.fromWeights(TINY, w);
    const vocab = fromChars(['<unk>', '\n', ...'春眠不觉晓处闻啼鸟'].slice(0, TINY.vocabSize));
    const run = () => generate(stepper, vocab, { prompt: '春眠', length: 20, temperature: 0.9, topK: 5, seed: 3 });
    const a = await run();
    expect(Array.from(a.text)).toHaveLength(20);
    expect((await run()).text).toBe(a.text);
    stepper.dispose();
    tf.dispose(Object.values(w));
  });
});

describe('generate() with a context length', () => {
  it('reads only the last `context` characters of the separator and prompt', async () => {
    const w = boldWeights(TINY, 15);
    const stepper = TransformerStepper.fromWeights(TINY, w);
    const vocab = fromChars(['<unk>', '\n', ...'春眠不觉晓处闻啼鸟'].slice(0, TINY.vocabSize));
    const opts = { length: 12, temperature: 0.9, seed: 5, context: TINY.contextLength };
    let seen = 0;
    const onChar = () => void (seen ||= stepper.position);
    const long = await generate(stepper, vocab, { ...opts, prompt: '处闻啼鸟春眠不觉晓春眠不觉晓', onChar });
    expect(seen).toBe(TINY.contextLength); // the first character is written from a full context, not a slid one
    const tail = await generate(stepper, vocab, { ...opts, prompt: '春眠不觉晓春眠不觉晓'.slice(-TINY.contextLength) });
    expect(long.text).toBe(tail.text);
    stepper.dispose();
    tf.dispose(Object.values(w));
  });

  it('keeps the tensor count flat over a generation many contexts long', async () => {
    const w = boldWeights(TINY, 16);
    const stepper = TransformerStepper.fromWeights(TINY, w);
    const vocab = fromChars(['<unk>', '\n', ...'春眠不觉晓处闻啼鸟'].slice(0, TINY.vocabSize));
    const run = (length: number) => generate(stepper, vocab, { prompt: '春眠', length, temperature: 0.9, seed: 6, context: TINY.contextLength });
    await run(3);
    const before = tf.memory().numTensors;
    await run(20 * TINY.contextLength);
    expect(tf.memory().numTensors).toBe(before);
    stepper.dispose();
    tf.dispose(Object.values(w));
  });
});
