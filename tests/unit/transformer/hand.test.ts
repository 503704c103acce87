import { beforeAll, describe, expect, it } from 'vitest';
import { attentionMaps } from '../../../src/lib/transformer/forward';
import { checkAgainstForward, handSteps } from '../../../src/lib/transformer/hand';
import { toPlain } from '../../../src/lib/transformer/reference';
import { disposeWeights, initWeights } from '../../../src/lib/transformer/weights';
import { boldWeights, someIds, TINY, useCpu } from './tiny';

beforeAll(useCpu);

describe('one head by hand', () => {
  it('equals the forward pass: attention weights and every next-character probability within 1e-5', () => {
    const w = boldWeights(TINY, 7);
    const plain = toPlain(w);
    const ids = someIds(6);
    for (const [layer, head] of [
      [0, 0],
      [1, 1],
    ]) {
      const steps = handSteps(TINY, plain, ids, layer, head);
      expect(checkAgainstForward(TINY, w, steps)).toBeLessThan(1e-5);
      const maps = attentionMaps(TINY, w, ids);
      steps.weights.flat().forEach((p, i) => expect(Math.abs(p - maps[layer][head].flat()[i])).toBeLessThan(1e-6));
    }
    disposeWeights(w);
  });

  it('gives each step its documented shape, masks the future with −∞ and sums attention rows to 1', () => {
    const w = boldWeights(TINY, 8);
    const T = 5;
    const s = handSteps(TINY, toPlain(w), someIds(T));
    const shape = (m: number[][]) => [m.length, m[0].length];
    const d = TINY.dModel;
    const dk = d / TINY.heads;
    expect(shape(s.embeddings.sum)).toEqual([T, d]);
    expect([s.qkv.q, s.qkv.k, s.qkv.v, s.weighted].map(shape)).toEqual(Array(4).fill([T, dk]));
    expect([s.scores, s.masked, s.weights].map(shape)).toEqual(Array(3).fill([T, T]));
    expect(shape(s.mlp.hidden)).toEqual([T, TINY.dFF]);
    expect(shape(s.next)).toEqual([T, TINY.vocabSize]);
    s.masked.forEach((row, i) => row.forEach((v, j) => expect(v === -Infinity).toBe(j > i)));
    s.weights.forEach((row) => expect(Math.abs(row.reduce((a, b) => a + b) - 1)).toBeLessThan(1e-12));
    // Step 1 is E[ids] + P, step 6 is AV, step 8 adds the projection back onto the input.
    expect(s.embeddings.sum[2][3]).toBeCloseTo(s.embeddings.token[2][3] + s.embeddings.position[2][3], 12);
    expect(s.weighted[3][1]).toBeCloseTo(
      s.weights[3].reduce((acc, p, j) => acc + p * s.qkv.v[j][1], 0),
      12,
    );
    expect(s.residual.sum[4][0]).toBeCloseTo(s.embeddings.x[4][0] + s.joined.projected[4][0], 12);
    disposeWeights(w);
  });

  it('refuses an empty input, more than 8 characters, and a head that does not exist', () => {
    const w = initWeights({ ...TINY, contextLength: 12 }, 1);
    const plain = toPlain(w);
    const c = { ...TINY, contextLength: 12 };
    expect(() => handSteps(c, plain, [])).toThrow(RangeError);
    expect(() => handSteps(c, plain, someIds(9))).toThrow(RangeError);
    expect(() => handSteps(c, plain, someIds(3), 0, TINY.heads)).toThrow(RangeError);
    expect(() => handSteps(c, plain, someIds(8))).not.toThrow();
    disposeWeights(w);
  });
});
