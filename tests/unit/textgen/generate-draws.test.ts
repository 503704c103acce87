/**
 * The generation loop draws from the formula: the known characters' p^(1/T), normalised, after
 * top-k (sample.ts reshape on the model's p with <unk> set to 0). The model gives that
 * distribution itself (stepTempered, in float32, as the backend does: tempered.ts); the loop adds
 * top-k and draws. A seed or a shared link therefore writes what the formula writes.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/lib/nn/prng';
import { generate, type NextCharModel } from '../../../src/lib/textgen/generate';
import { draw, GREEDY_BELOW, reshape, Sampler } from '../../../src/lib/textgen/sample';
import { fromChars } from '../../../src/lib/textgen/vocab';

const V = 500;
const vocab = fromChars(['<unk>', '\n', ...Array.from({ length: V - 2 }, (_, i) => String.fromCodePoint(0x4e00 + i))]);

/** p with <unk> set to 0: what the formula is applied to. */
const known = (p: Float32Array) => Float32Array.from(p, (v, i) => (i === 0 ? 0 : v));

/**
 * A model whose distributions depend on the character fed (peaked, with a long tail and <unk>
 * likely); stepTempered rounds the formula to float32, as a backend's softmax gives it.
 */
function model(): NextCharModel {
  let last = 0;
  const step = (id: number) => {
    const rng = mulberry32(1000 * last + id);
    last = id;
    const p = Float32Array.from({ length: V }, () => Math.exp(9 * rng() ** 3));
    p[0] *= 20;
    const sum = p.reduce((a, b) => a + b, 0);
    return p.map((v) => v / sum);
  };
  return { reset: () => (last = 0), step, stepTempered: (id, t) => Float32Array.from(reshape(known(step(id)), t)) };
}

/** The formula, character by character, in doubles from the model's own p. */
function byFormula(length: number, temperature: number, topK: number, seed: number) {
  const rng = mulberry32(seed);
  const m = model();
  let probs = m.step(vocab.index.get('\n')!);
  probs = m.step(vocab.index.get('一')!);
  const ids: number[] = [];
  const dists: number[][] = [];
  for (let i = 0; i < length; i++) {
    const dist = reshape(known(probs), temperature, topK);
    const id = draw(dist, rng);
    ids.push(id);
    dists.push(Array.from(dist));
    probs = m.step(id);
  }
  return { ids, dists };
}

const expectClose = (got: ArrayLike<number>, want: ArrayLike<number>) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-6 * Math.max(1, want[i] * 10));
};

describe('the generation loop', () => {
  it('draws the characters the formula draws, from its distributions, for any temperature and top-k', async () => {
    for (const [temperature, topK, seed] of [
      [0.8, 0, 1],
      [1, 0, 7],
      [1.5, 40, 3],
      [0.3, 5, 11],
      [0, 0, 2],
    ]) {
      const ref = byFormula(60, temperature, topK, seed);
      const ids: number[] = [];
      const dists: Float64Array[] = [];
      await generate(model(), vocab, {
        prompt: '一',
        length: 60,
        temperature,
        topK,
        seed,
        onChar: (_, id, dist) => void (ids.push(id), dists.push(Float64Array.from(dist))),
      });
      expect(ids, `T ${temperature}, top-k ${topK}`).toEqual(ref.ids);
      dists.forEach((d, i) => expectClose(d, ref.dists[i]));
      expect(ids).not.toContain(0);
    }
  });

  it('reuses its buffers without letting one character’s top-k or greedy choice leak into the next', () => {
    const sampler = new Sampler();
    // Two copies fed the same characters: one gives the tempered distribution, one the model's p.
    const [m, same] = [model(), model()];
    for (const [i, [temperature, topK]] of [
      [1, 3],
      [1, 0],
      [0, 0],
      [0.7, 0],
      [2, 50],
      [1, 0],
    ].entries()) {
      const greedy = temperature < GREEDY_BELOW;
      const tempered = m.stepTempered(i + 2, greedy ? 1 : temperature);
      const got = sampler.next(tempered, greedy, topK);
      expectClose(got, reshape(known(same.step(i + 2)), temperature, topK));
      expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
});
