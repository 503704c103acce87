import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromArtifacts, toArtifacts } from '../../../src/lib/textgen/io';
import { buildModel, disposeModel } from '../../../src/lib/textgen/model';
import { dropOrthogonalWarning, ORTHOGONAL_WARNING } from '../../../src/lib/textgen/quiet-warnings';
import { useCpu } from './tf';

beforeAll(useCpu);

// 32 units: a 32 × 128 recurrent kernel, over TF.js's 2,000-element threshold.
const SIZES = { vocabSize: 11, embeddingSize: 4, units: 32 };
const SEED = 3;

describe('the orthogonal initializer’s warning', () => {
  const original = console.warn;
  let seen: ReturnType<typeof vi.fn>;
  const orthogonal = () => seen.mock.calls.filter(([m]) => typeof m === 'string' && m.startsWith(ORTHOGONAL_WARNING)).length;
  // A fresh, unfiltered console for each test: buildModel and fromArtifacts must install the filter themselves.
  beforeEach(() => {
    seen = vi.fn();
    console.warn = seen;
  });
  afterEach(() => {
    console.warn = original;
  });

  it('is what TF.js prints for this recurrent kernel when nothing filters it', () => {
    tf.tidy(() => void tfl.initializers.orthogonal({ seed: SEED + 2 }).apply([SIZES.units, 4 * SIZES.units]));
    expect(orthogonal()).toBe(1);
  });

  it('is not printed when the §5.2 model is built, and the seeded weights are TF.js’s own initialisers’', () => {
    const model = buildModel(SIZES, SEED);
    expect(orthogonal()).toBe(0);
    const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
    disposeModel(model);
    // The same seeded initialisers applied directly: the filter changes no number.
    const { vocabSize: V, embeddingSize: E, units: U } = SIZES;
    const expected = tf.tidy(() =>
      [
        tfl.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: SEED }).apply([V, E]),
        tfl.initializers.glorotUniform({ seed: SEED + 1 }).apply([E, 4 * U]),
        tfl.initializers.orthogonal({ seed: SEED + 2 }).apply([U, 4 * U]),
      ].map((t) => Array.from(t.dataSync())),
    );
    expect(weights.slice(0, 3)).toEqual(expected);
  });

  it('is not printed when a saved model or the checkpoint is loaded (fromArtifacts skips the initialisers)', async () => {
    console.warn = original;
    const model = buildModel(SIZES, SEED);
    const artifacts = await toArtifacts(model);
    disposeModel(model);
    console.warn = seen; // unfiltered again: loading must not run the orthogonal initializer at all
    const loaded = await fromArtifacts(artifacts);
    expect(orthogonal()).toBe(0);
    disposeModel(loaded);
  });

  it('lets every other warning through, and filters once however often it is installed', () => {
    const target = { warn: seen };
    dropOrthogonalWarning(target);
    dropOrthogonalWarning(target);
    target.warn('something else', 1);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith('something else', 1);
  });
});
