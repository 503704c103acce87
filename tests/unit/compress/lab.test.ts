import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { labSteps, runLab, type LabInput } from '../../../src/lib/compress/lab';
import { agreement, combine, perplexityOf } from '../../../src/lib/compress/metrics';
import { modelBytes, SCHEMES } from '../../../src/lib/compress/schemes';
import { useCpu } from '../nn/tf';
import { plainCheckpoint } from './checkpoints';
import { poetryData } from './data';

beforeAll(useCpu);

function input(): LabInput {
  const { vocab, ids, split } = poetryData();
  const tensors = plainCheckpoint('poetry');
  return {
    arch: { kind: 'lstm' },
    tensors,
    ids,
    starts: split.val.slice(0, 2),
    len: split.len,
    vocab,
    prompt: '春眠',
    sparsity: 0.5,
    generateLength: 6,
    chunk: 1,
  };
}

describe('a run of the lab', () => {
  it('reports every setting: the original (float16) agrees with itself, sizes by the formulas, a finite perplexity and greedy text; no tensor left behind', async () => {
    const inp = input();
    const before = tf.memory().numTensors;
    const steps: number[] = [];
    const rows = await runLab(inp, { progress: (done) => void steps.push(done) });
    expect(tf.memory().numTensors).toBe(before);
    expect(rows.map((r) => r.scheme)).toEqual([...SCHEMES]);
    expect(steps).toEqual(Array.from({ length: labSteps(inp) }, (_, i) => i + 1));
    const shapes = inp.tensors.map((t) => t.shape);
    for (const r of rows) {
      expect(r.bytes).toBe(modelBytes(shapes, r.scheme, 0.5));
      expect(Number.isFinite(r.perplexity) && r.perplexity > 1).toBe(true);
      expect([...r.text]).toHaveLength(6);
      expect(r.text).not.toContain('\uFFFD');
    }
    expect(rows[0].agreement).toBe(1);
    // float16 of a float16 checkpoint is the checkpoint itself.
    expect(rows[1]).toMatchObject({ agreement: 1, perplexity: rows[0].perplexity, text: rows[0].text });
  });

  it('stops when cancelled, keeps the rows finished and frees the setting in progress', async () => {
    const inp = input();
    const before = tf.memory().numTensors;
    let calls = 0;
    const rows = await runLab(inp, { progress: () => void calls++, cancelled: () => calls >= 4 });
    expect(rows.length).toBeLessThan(SCHEMES.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('lab metrics', () => {
  it('takes perplexity as exp of the mean cross-entropy', () => {
    expect(perplexityOf(2 * Math.log(5), 2)).toBeCloseTo(5, 12);
  });

  it('counts the share of equal top-1 guesses, and refuses different lengths', () => {
    expect(agreement([1, 2, 3, 4], [1, 2, 0, 4])).toBe(0.75);
    expect(() => agreement([1], [1, 2])).toThrow(RangeError);
  });

  it('adds chunks up in order', () => {
    const c = combine([
      { nll: 1, count: 2, top1: Int32Array.from([1, 2]) },
      { nll: 3, count: 1, top1: Int32Array.from([5]) },
    ]);
    expect(c).toEqual({ nll: 4, count: 3, top1: Int32Array.from([1, 2, 5]) });
  });
});
