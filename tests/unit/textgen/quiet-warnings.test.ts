import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildModel, disposeModel } from '../../../src/lib/textgen/model';
import { dropOrthogonalWarning, ORTHOGONAL_WARNING } from '../../../src/lib/textgen/quiet-warnings';
import { useCpu } from './tf';

beforeAll(useCpu);

describe('the orthogonal initializer’s warning', () => {
  it('is dropped when the §5.2 model is built with a large recurrent kernel, and the weights are the same as unfiltered', () => {
    // 32 units: a 32 × 128 recurrent kernel, over TF.js's 2,000-element threshold.
    const weights = () => {
      const model = buildModel({ vocabSize: 11, embeddingSize: 4, units: 32 }, 3);
      const values = model.getWeights().map((w) => Array.from(w.dataSync()));
      disposeModel(model);
      return values;
    };
    const plain = { warn: vi.fn() };
    const original = console.warn;
    console.warn = plain.warn;
    try {
      const orthogonal = () => plain.warn.mock.calls.filter(([m]) => typeof m === 'string' && m.startsWith(ORTHOGONAL_WARNING)).length;
      const unfiltered = weights();
      expect(orthogonal()).toBe(1);
      dropOrthogonalWarning(console);
      const filtered = weights();
      expect(orthogonal()).toBe(1);
      expect(filtered).toEqual(unfiltered);
    } finally {
      console.warn = original;
    }
  });

  it('lets every other warning through, and filters once however often it is installed', () => {
    const seen = vi.fn();
    const target = { warn: seen };
    dropOrthogonalWarning(target);
    dropOrthogonalWarning(target);
    target.warn('something else', 1);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith('something else', 1);
  });
});
