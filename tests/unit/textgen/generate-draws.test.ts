/**
 * The generation loop draws the very characters it drew before its sampling kept its buffers
 * (sample.ts Sampler): a seed or a shared link writes the same text, and each character has the
 * same distribution behind it. The reference is the loop as it was: a fresh copy of the model's
 * distribution with <unk> set to 0, reshape, draw.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/lib/nn/prng';
import { generate, type NextCharModel } from '../../../src/lib/textgen/generate';
import { draw, reshape, Sampler } from '../../../src/lib/textgen/sample';
import { fromChars } from '../../../src/lib/textgen/vocab';

const V = 500;
const vocab = fromChars(['<unk>', '\n', ...Array.from({ length: V - 2 }, (_, i) => String.fromCodePoint(0x4e00 + i))]);

/** A model whose distributions depend on the character fed (peaked, with a long tail and <unk> likely). */
function model(): NextCharModel {
  let last = 0;
  return {
    reset: () => (last = 0),
    step: (id) => {
      const rng = mulberry32(1000 * last + id);
      last = id;
      const p = Float32Array.from({ length: V }, () => Math.exp(9 * rng() ** 3));
      p[0] *= 20;
      const sum = p.reduce((a, b) => a + b, 0);
      return p.map((v) => v / sum);
    },
  };
}

/** The loop before: a fresh zeroed copy and a fresh reshape per character. */
function before(length: number, temperature: number, topK: number, seed: number) {
  const rng = mulberry32(seed);
  const m = model();
  let probs = m.step(vocab.index.get('\n')!);
  probs = m.step(vocab.index.get('一')!);
  const ids: number[] = [];
  const dists: number[][] = [];
  for (let i = 0; i < length; i++) {
    const known = Float32Array.from(probs);
    known[0] = 0;
    const dist = reshape(known, temperature, topK);
    const id = draw(dist, rng);
    ids.push(id);
    dists.push(Array.from(dist));
    probs = m.step(id);
  }
  return { ids, dists };
}

describe('the generation loop', () => {
  it('draws the same characters from the same distributions as the loop before, for any temperature and top-k', async () => {
    for (const [temperature, topK, seed] of [
      [0.8, 0, 1],
      [1, 0, 7],
      [1.5, 40, 3],
      [0.3, 5, 11],
      [0, 0, 2],
    ]) {
      const ref = before(60, temperature, topK, seed);
      const ids: number[] = [];
      const dists: number[][] = [];
      await generate(model(), vocab, {
        prompt: '一',
        length: 60,
        temperature,
        topK,
        seed,
        onChar: (_, id, dist) => void (ids.push(id), dists.push(Array.from(dist))),
      });
      expect(ids, `T ${temperature}, top-k ${topK}`).toEqual(ref.ids);
      expect(dists).toEqual(ref.dists);
    }
  });

  it('reuses its buffers without letting one character’s top-k or greedy choice leak into the next', () => {
    const sampler = new Sampler();
    const m = model();
    for (const [i, [temperature, topK]] of [
      [1, 3],
      [1, 0],
      [0, 0],
      [0.7, 0],
      [2, 50],
      [1, 0],
    ].entries()) {
      const probs = m.step(i + 2);
      const known = Float32Array.from(probs);
      known[0] = 0;
      expect(Array.from(sampler.next(probs, temperature, topK))).toEqual(Array.from(reshape(known, temperature, topK)));
      // The model's own distribution is left as it was.
      expect(probs[0]).toBeGreaterThan(0);
    }
  });
});
