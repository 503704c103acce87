/**
 * TF.js's gradients of the Transformer's loss (float32, autodiff through forward.ts) agree with
 * central finite differences of the same loss computed in float64 by reference.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropy64, toPlain, type PlainWeights } from '../../../src/lib/transformer/reference';
import { batchLoss } from '../../../src/lib/transformer/train';
import { relErr } from '../nn/tf';
import { boldWeights, someIds, TINY, useCpu } from './tiny';

beforeAll(useCpu);

/** Flat view of a plain weight, and a setter for entry i. */
function entries(w: PlainWeights, name: string): { values: number[]; set: (i: number, v: number) => void } {
  const t = w[name];
  if (typeof t[0] === 'number') return { values: t as number[], set: (i, v) => ((t as number[])[i] = v) };
  const rows = t as number[][];
  const n = rows[0].length;
  return { values: rows.flat(), set: (i, v) => (rows[Math.floor(i / n)][i % n] = v) };
}

describe('gradients', () => {
  for (const tied of [true, false])
    it(`match finite differences for every weight of a tiny config (${tied ? 'tied' : 'untied'} head)`, () => {
      const c = { ...TINY, dModel: 4, dFF: 6, vocabSize: 7, dropout: 0, tiedEmbeddings: tied };
      const vars = boldWeights(c, 21);
      const ids = someIds(6, c.vocabSize);
      const targets = someIds(7, c.vocabSize).slice(1);
      const { grads } = tf.tidy(() => {
        const x = tf.tensor2d([ids], undefined, 'int32');
        const y = tf.tensor2d([targets], undefined, 'int32');
        const { value, grads } = tf.variableGrads(() => batchLoss(c, vars, x, y), Object.values(vars));
        value.dispose();
        return { grads };
      });
      const plain = toPlain(vars);
      const h = 1e-5;
      for (const [name, v] of Object.entries(vars)) {
        const { values, set } = entries(plain, name);
        const numeric = values.map((orig, i) => {
          set(i, orig + h);
          const up = crossEntropy64(c, plain, ids, targets);
          set(i, orig - h);
          const down = crossEntropy64(c, plain, ids, targets);
          set(i, orig);
          return (up - down) / (2 * h);
        });
        const analytic = grads[v.name].dataSync();
        // b_K's gradient is exactly 0 (it shifts a whole row of scores, which softmax ignores): compare absolutely there.
        if (Math.max(...numeric.map(Math.abs)) < 1e-6) expect(Math.max(...Array.from(analytic, Math.abs)), name).toBeLessThan(1e-6);
        else expect(relErr(analytic, numeric), name).toBeLessThan(1e-4);
      }
      tf.dispose([...Object.values(grads), ...Object.values(vars)]);
    });
});
