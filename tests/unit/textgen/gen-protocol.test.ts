import { describe, expect, it } from 'vitest';
import { MAX_BARS, parseFromGen } from '../../../src/lib/textgen/gen-protocol';

const char = {
  char: '春',
  bars: [
    { char: '春', p: 0.5 },
    { char: '\uFFFD', p: 0.1 },
  ],
};

describe('generation worker messages', () => {
  it('accepts every message the worker sends, unchanged', () => {
    const good = [
      { type: 'ready', job: 1, backend: 'wasm' },
      { type: 'chars', job: 1, chars: [char, { char: '\n', bars: [{ char: '\n', p: 1 }] }] },
      { type: 'done', job: 1, text: '春\n', unknown: ['😀'], tensors: 8 },
      { type: 'error', job: 2, message: '计算线程还没有收到模型' },
    ];
    for (const m of good) expect(parseFromGen(m), m.type).toEqual(m);
  });

  it('refuses a character the bars could not show honestly: NaN, negative or over-1 probabilities, several characters, too many bars', () => {
    for (const bad of [
      { ...char, bars: [{ char: '春', p: NaN }] },
      { ...char, bars: [{ char: '春', p: -0.1 }] },
      { ...char, bars: [{ char: '春', p: 1.5 }] },
      { ...char, bars: [{ char: '春眠', p: 0.5 }] },
      { ...char, char: '' },
      { ...char, char: '春眠' },
      { ...char, bars: Array.from({ length: MAX_BARS + 1 }, () => ({ char: '春', p: 0.01 })) },
      { ...char, bars: 'bars' },
    ])
      expect(parseFromGen({ type: 'chars', job: 1, chars: [bad] }), JSON.stringify(bad)).toBeNull();
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
    const inheritedBar = { type: 'chars', job: 1, chars: [{ char: '春', bars: [Object.create({ char: '春', p: 0.5 })] }] };
    for (const bad of [null, undefined, 'done', 42, [], { type: 'chars', job: 1 }, { type: 'stop', job: 1 }, inherited, inheritedBar])
      expect(parseFromGen(bad)).toBeNull();
  });
});
