import { describe, expect, it } from 'vitest';
import { MAX_BARS, parseFromGen } from '../../../src/lib/textgen/gen-protocol';

/** One character (id 2) with two bars: itself and <unk>. */
const batch = () => {
  const barIds = new Int32Array(MAX_BARS).fill(-1);
  const barP = new Float64Array(MAX_BARS);
  barIds.set([2, 0]);
  barP.set([0.5, 0.1]);
  return { ids: Int32Array.of(2), barIds, barP };
};

describe('generation worker messages', () => {
  it('accepts every message the worker sends, unchanged', () => {
    const good = [
      { type: 'ready', job: 1, backend: 'wasm' },
      { type: 'chars', job: 1, batch: batch() },
      { type: 'done', job: 1, text: '春\n', unknown: ['😀'], tensors: 8 },
      { type: 'error', job: 2, message: '计算线程还没有收到模型' },
    ];
    for (const m of good) expect(parseFromGen(m), m.type).toEqual(m);
  });

  it('refuses a batch the bars could not show honestly: NaN or over-1 probabilities, arrays that do not fit', () => {
    for (const bad of [
      { ...batch(), barP: Float64Array.from({ length: MAX_BARS }, () => NaN) },
      { ...batch(), barP: Float64Array.from({ length: MAX_BARS }, () => 1.5) },
      { ...batch(), barIds: new Int32Array(MAX_BARS + 1) },
      { ...batch(), ids: [2] },
      'batch',
    ])
      expect(parseFromGen({ type: 'chars', job: 1, batch: bad })).toBeNull();
  });

  it('refuses counts and backends out of range', () => {
    for (const bad of [
      { type: 'done', job: 1, text: '', unknown: [], tensors: NaN },
      { type: 'done', job: 1, text: '', unknown: [], tensors: -1 },
      { type: 'done', job: 1, text: '', unknown: ['ab'], tensors: 0 },
      { type: 'done', job: -1, text: '', unknown: [], tensors: 0 },
      { type: 'ready', job: 1, backend: 'webgpu' },
      { type: 'error', job: 1.5, message: '出错' },
    ])
      expect(parseFromGen(bad), JSON.stringify(bad)).toBeNull();
  });

  it('refuses what is not a message of the protocol, and inherited keys, without throwing', () => {
    const inherited = Object.create({ type: 'done', job: 1, text: '', unknown: [], tensors: 0 }) as object;
    const inheritedBar = { type: 'chars', job: 1, batch: Object.create(batch()) as object };
    for (const bad of [null, undefined, 'done', 42, [], { type: 'chars', job: 1 }, { type: 'stop', job: 1 }, inherited, inheritedBar])
      expect(parseFromGen(bad)).toBeNull();
  });
});
