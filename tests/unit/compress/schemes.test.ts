import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelBytes, SCHEME_LABELS, schemeLabel, SCHEMES, tensorBytes } from '../../../src/lib/compress/schemes';
import { lstmShapes } from '../../../src/lib/compress/shapes';
import { kerasParamCounts } from '../../../src/lib/textgen/model';
import { plainCheckpoint } from './checkpoints';

const LSTM = { vocabSize: 3000, embeddingSize: 64, units: 128 };
const shapes = lstmShapes(LSTM).map(([, s]) => s);
const N = Object.values(kerasParamCounts(LSTM)).reduce((a, b) => a + b, 0);

describe('model sizes', () => {
  it("lists the shipped LSTM checkpoint's own names and shapes", () => {
    const manifest = JSON.parse(readFileSync('public/models/poetry/model.json', 'utf8')).weightsManifest[0].weights;
    expect(lstmShapes(LSTM)).toEqual(manifest.map((w: { name: string; shape: number[] }) => [w.name, w.shape]));
  });

  it('counts 4, 2, 1 and ½ bytes per weight plus float32 scales', () => {
    expect(N).toBe(677816);
    expect(modelBytes(shapes, 'float32')).toBe(4 * N);
    expect(modelBytes(shapes, 'float16')).toBe(2 * N);
    expect(modelBytes(shapes, 'int8-tensor')).toBe(N + 6 * 4);
    expect(modelBytes(shapes, 'int8-channel')).toBe(N + 4 * (64 + 512 + 512 + 1 + 3000 + 1));
    expect(modelBytes(shapes, 'int4-channel')).toBe(shapes.reduce((s, sh) => s + Math.ceil(sh.reduce((a, b) => a * b, 1) / 2), 0) + 4 * 4090);
  });

  it('stores a pruned matrix as kept float16 values (as shipped) plus a one-bit mask', () => {
    expect(tensorBytes([100, 10], 'pruned', 0.5)).toBe(2 * 500 + 125);
    expect(tensorBytes([100], 'pruned', 0.5)).toBe(200);
    expect(tensorBytes([100, 10], 'pruned', 0)).toBe(2000 + 125);
  });

  it('orders the schemes by size: float32 > float16 > int8 > int4', () => {
    const [f32, f16, i8t, i8c, i4] = (['float32', 'float16', 'int8-tensor', 'int8-channel', 'int4-channel'] as const).map((s) => modelBytes(shapes, s));
    expect(f32 > f16 && f16 > i8c && i8c > i8t && i8t > i4).toBe(true);
  });

  it.each(['poetry', 'transformer'])('names the shipped %s checkpoint (float16) as the original: first, labelled so, and as big as its weights.bin', (dir) => {
    const meta = JSON.parse(readFileSync(`public/models/${dir}/meta.json`, 'utf8'));
    expect(meta.weights).toBe('float16');
    expect(SCHEMES[0]).toBe('float16');
    expect(SCHEME_LABELS.float16).toContain('原模型');
    expect(SCHEME_LABELS.float32).not.toContain('原模型');
    const tensors = plainCheckpoint(dir);
    const shipped = statSync(`public/models/${dir}/weights.bin`).size;
    expect(
      modelBytes(
        tensors.map((t) => t.shape),
        SCHEMES[0],
      ),
    ).toBe(shipped);
    // Pruning keeps float16 values, so half the matrices pruned is smaller than the original.
    expect(
      modelBytes(
        tensors.map((t) => t.shape),
        'pruned',
        0.5,
      ),
    ).toBeLessThan(shipped);
  });

  it("counts the Transformer checkpoint's float32 size from its actual tensors", () => {
    const tensors = plainCheckpoint('transformer');
    const meta = JSON.parse(readFileSync('public/models/transformer/meta.json', 'utf8'));
    expect(
      modelBytes(
        tensors.map((t) => t.shape),
        'float32',
      ),
    ).toBe(4 * meta.parameters);
  });
});

describe('the build-time figures', () => {
  it("give the shipped LSTM's sizes per setting, as the exercise and the no-JavaScript table use them", async () => {
    const { lstmSizeTable, POETRY_LSTM_SIZES } = await import('../../../src/lib/compress/static');
    const { expectedValue } = await import('../../../src/lib/exercises/numeric');
    expect(POETRY_LSTM_SIZES).toEqual(LSTM);
    expect(Object.fromEntries(lstmSizeTable(0.5))).toEqual(Object.fromEntries(SCHEMES.map((s) => [s, modelBytes(shapes, s, 0.5)])));
    expect(expectedValue({ model: 'poetry-lstm', of: 'bytes', scheme: 'int8-tensor' })).toBe(677816 + 24);
    expect(expectedValue({ model: 'poetry-lstm', of: 'parameters' })).toBe(677816);
  });
});

describe('scheme labels', () => {
  it('names pruning with its sparsity in percent', () => {
    expect(schemeLabel('pruned', 50)).toBe('剪枝 50%');
  });

  it('names every other scheme by its label alone, whatever the sparsity', () => {
    expect(schemeLabel('int8-channel', 50)).toBe(SCHEME_LABELS['int8-channel']);
  });
});
