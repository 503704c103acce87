import { describe, expect, it } from 'vitest';
import { parseFromWorker } from '../../../src/lib/compress/protocol';

const row = { scheme: 'int8-channel', bytes: 1234, perplexity: 12.5, agreement: 0.9, text: '春眠不觉晓' };

describe('compression worker messages', () => {
  it('accepts every message the worker sends, unchanged', () => {
    const good = [
      { type: 'ready', job: 1, backend: 'wasm' },
      { type: 'loaded', job: 1, characters: 1280, unknown: ['😀', '龘'] },
      { type: 'progress', job: 1, done: 3, total: 54, scheme: 'float16' },
      { type: 'row', job: 1, row },
      { type: 'done', job: 1, rows: 6, cancelled: false, tensors: 0 },
      { type: 'error', job: 2, message: '检查点缺少权重' },
    ];
    for (const m of good) expect(parseFromWorker(m), m.type).toEqual(m);
  });

  it('refuses a row the table could not show honestly: NaN, Infinity, an unknown scheme, agreement over 1', () => {
    for (const bad of [
      { ...row, perplexity: NaN },
      { ...row, perplexity: Infinity },
      { ...row, perplexity: 0.5 },
      { ...row, agreement: 1.5 },
      { ...row, agreement: NaN },
      { ...row, bytes: -1 },
      { ...row, bytes: 1.5 },
      { ...row, scheme: 'int2' },
      { ...row, text: 5 },
    ])
      expect(parseFromWorker({ type: 'row', job: 1, row: bad }), JSON.stringify(bad)).toBeNull();
  });

  it('refuses what is not a message of the protocol, without throwing', () => {
    const evil = Object.create({ type: 'done', job: 1, rows: 6, cancelled: false, tensors: 0 }) as object;
    for (const bad of [
      null,
      undefined,
      'done',
      42,
      [],
      evil, // inherited keys are not the message's own
      { type: 'done', rows: 6, cancelled: false, tensors: 0 },
      { type: 'done', job: -1, rows: 6, cancelled: false, tensors: 0 },
      { type: 'progress', job: 1, done: 5, total: 4, scheme: 'float16' },
      { type: 'ready', job: 1, backend: 'webgpu' },
      { type: 'toString', job: 1 },
      { type: 'error', job: 1 },
      { type: 'loaded', job: 1, characters: 1280 },
      { type: 'loaded', job: 1, characters: 1280, unknown: ['ab'] },
      { type: 'loaded', job: 1, characters: 1280, unknown: [5] },
    ])
      expect(parseFromWorker(bad)).toBeNull();
  });
});
