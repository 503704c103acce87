import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedValue } from '../../../src/lib/exercises/numeric';
import { lstmSaliency, gptSaliency } from '../../../src/lib/interpret/saliency';
import { lstmWeights } from '../../../src/lib/interpret/lstm';
import { WHY_DEFAULTS } from '../../../src/lib/interpret/settings';
import { shippedRanking } from '../../../src/lib/interpret/static';
import { fromArtifacts as lstmFromArtifacts } from '../../../src/lib/textgen/io';
import { encode, fromChars } from '../../../src/lib/textgen/vocab';
import { fromArtifacts } from '../../../src/lib/transformer/checkpoint';
import { artifactsOf } from '../compress/checkpoints';
import { useCpu } from '../nn/tf';

beforeAll(useCpu);
const vocab = () => fromChars(JSON.parse(readFileSync('public/models/poetry/meta.json', 'utf8')).vocab);
const ids = () => Array.from(encode(vocab(), WHY_DEFAULTS.text).ids);

describe('the view on the shipped checkpoints', () => {
  it("ranks the LSTM's units for punctuation as the layers model's own LSTM output gives them", async () => {
    const model = await lstmFromArtifacts(artifactsOf('poetry'));
    const inner = tfl.model({ inputs: model.inputs, outputs: model.getLayer('lstm').output as tfl.SymbolicTensor });
    const x = ids();
    const acts = tf.tidy(() => (inner.predict(tf.tensor2d([x], [1, x.length], 'int32')) as tf.Tensor).arraySync() as number[][][])[0];
    model.dispose();
    const punct = Array.from(WHY_DEFAULTS.text).map((c) => '，。'.includes(c));
    const mean = (u: number, inside: boolean) => {
      const vals = acts.filter((_, t) => punct[t] === inside).map((row) => row[u]);
      return vals.reduce((a, b) => a + b, 0) / vals.length;
    };
    const byHand = acts[0].map((_, u) => ({ u, s: mean(u, true) - mean(u, false) })).sort((a, b) => b.s - a.s);
    const ranked = shippedRanking(WHY_DEFAULTS.text, 'punct');
    expect(ranked.map((r) => r.unit)).toEqual(byHand.slice(0, ranked.length).map((r) => r.u));
    ranked.forEach((r, i) => expect(r.score).toBeCloseTo(byHand[i].s, 4));
  });

  it("gives the exercise the first unit with a clear margin, so no backend's rounding can reorder it", () => {
    const ranked = shippedRanking(WHY_DEFAULTS.text, 'punct');
    expect(expectedValue({ topUnit: { text: WHY_DEFAULTS.text, cls: 'punct' } })).toBe(ranked[0].unit);
    expect(ranked[0].score - ranked[1].score).toBeGreaterThan(0.01);
  });

  it('gives both checkpoints one finite, non-negative saliency per input character', () => {
    const x = ids();
    const a = artifactsOf('poetry');
    const lw = tf.io.decodeWeights(a.weightData!, a.weightSpecs!);
    const { config, weights } = fromArtifacts(artifactsOf('transformer'));
    for (const s of [lstmSaliency(lstmWeights(lw), x), gptSaliency(config, weights, x)]) {
      expect(s.scores).toHaveLength(x.length);
      s.scores.forEach((v) => expect(Number.isFinite(v) && v >= 0).toBe(true));
      expect(s.logProb).toBeLessThanOrEqual(0);
    }
    tf.dispose([...Object.values(lw), ...Object.values(weights)]);
  });
});
