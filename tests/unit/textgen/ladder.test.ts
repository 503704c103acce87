import { describe, expect, it } from 'vitest';
import {
  bigramLogProbs,
  bigramProb,
  fitBigram,
  fitUnigram,
  ladderRow,
  uniformLogProbs,
  unigramLogProbs,
  windowInputs,
  windowTargets,
} from '../../../src/lib/textgen/ladder';
import { UNK } from '../../../src/lib/textgen/vocab';

const ids = Int32Array.from([1, 2, 1, 2, 3, 1, 1, 2, 0]);
const vocab = [UNK, '山', '，', '\n'];

describe('the held-out characters of windows', () => {
  it('take each window’s targets ids[s+1 … s+len] and their contexts ids[s … s+len−1], window after window', () => {
    expect([...windowTargets(ids, [0, 5], 3)]).toEqual([2, 1, 2, 1, 2, 0]);
    expect([...windowInputs(ids, [0, 5], 3)]).toEqual([1, 2, 1, 1, 1, 2]);
  });
});

describe('the uniform rung', () => {
  it('costs exactly ln V nats (log₂ V bits) per character', () => {
    const row = ladderRow(uniformLogProbs(6, 4), Int32Array.from([1, 2, 3, 1, 1, 0]), vocab);
    expect(row.all.nats).toBe(Math.log(4));
    expect(row.all.bits).toBeCloseTo(2, 12);
    expect(row.content.nats).toBe(Math.log(4));
  });
});

describe('the unigram rung', () => {
  it('is the add-k frequency of each character, by hand', () => {
    // Counts 山 ×3, ， ×1 of N = 4, V = 4, k = 1: p = (c + 1) / 8.
    const m = fitUnigram(Int32Array.from([1, 1, 2, 1]), 4, 1);
    expect([...m.p]).toEqual([1 / 8, 4 / 8, 2 / 8, 1 / 8]);
    expect([...unigramLogProbs(m, Int32Array.from([2, 3]))]).toEqual([Math.log(2 / 8), Math.log(1 / 8)]);
  });

  it('chooses a small k by leave-one-out when every character is frequent, a large one when every character is rare', () => {
    expect(fitUnigram(new Int32Array(50).fill(1), 100).k).toBe(2 ** -8);
    expect(
      fitUnigram(
        Int32Array.from({ length: 50 }, (_, i) => i),
        100,
      ).k,
    ).toBe(2 ** 4);
  });
});

describe('the bigram rung', () => {
  it('is (c(a,b) + β·p(b)) / (c(a) + β), by hand', () => {
    // Pairs 山→， ×2, 山→山 ×1, ，→山 ×1; unigram over V = 4 fixed by hand.
    const uni = { p: Float64Array.from([0.1, 0.4, 0.3, 0.2]), k: 1 };
    const m = fitBigram(Int32Array.from([1, 1, 1, 2]), Int32Array.from([2, 2, 1, 1]), uni, 2);
    expect(bigramProb(m, 1, 2)).toBeCloseTo((2 + 2 * 0.3) / (3 + 2), 12);
    expect(bigramProb(m, 1, 3)).toBeCloseTo((2 * 0.2) / 5, 12);
    expect(bigramProb(m, 3, 1)).toBeCloseTo(0.4, 12); // an unseen context falls back on the unigram
    const row = [0, 1, 2, 3].reduce((s, b) => s + bigramProb(m, 1, b), 0);
    expect(row).toBeCloseTo(1, 12);
    expect([...bigramLogProbs(m, Int32Array.from([1]), Int32Array.from([2]))]).toEqual([Math.log(bigramProb(m, 1, 2))]);
  });

  it('chooses a weak prior by leave-one-out when each character always has the same successor', () => {
    const inputs = Int32Array.from({ length: 200 }, (_, i) => 1 + (i % 3));
    const targets = inputs.map((a) => 1 + (a % 3));
    const m = fitBigram(inputs, targets, fitUnigram(targets, 4));
    expect(m.beta).toBe(2 ** -2);
  });

  it('chooses a strong prior by leave-one-out when every pair is seen once', () => {
    // One context followed by 50 different characters: each pair, left out, is unseen.
    const targets = Int32Array.from({ length: 50 }, (_, i) => i + 1);
    const m = fitBigram(new Int32Array(50).fill(1), targets, fitUnigram(targets, 100, 1));
    expect(m.beta).toBe(2 ** 12);
  });
});

describe('a rung over all characters and over content characters', () => {
  it('leaves punctuation and line breaks out of the content mean only', () => {
    const targets = Int32Array.from([1, 2, 3, 0]); // 山 ， \n <unk>
    const lp = Float64Array.from([-1, -2, -3, -6]);
    const row = ladderRow(lp, targets, vocab);
    expect(row.all).toEqual({ nats: 3, bits: 3 / Math.LN2, characters: 4 });
    expect(row.content).toEqual({ nats: 3.5, bits: 3.5 / Math.LN2, characters: 2 }); // 山 and <unk>
  });

  it('refuses log-probabilities that do not match the targets one for one', () => {
    expect(() => ladderRow(new Float64Array(3), new Int32Array(4), vocab)).toThrow(RangeError);
  });
});
