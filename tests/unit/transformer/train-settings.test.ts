import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIN_CHARS } from '../../../src/lib/textgen/corpus';
import { fromChars } from '../../../src/lib/textgen/vocab';
import { checkGptText, decodeGtrain, encodeGtrain, GTRAIN_DEFAULT_SETTINGS, GTRAIN_RULES, LSTM_SPLIT } from '../../../src/lib/transformer/train-settings';

const vocab = fromChars(['<unk>', ...'白日依山尽，黄河入海流。欲穷千里目更上一层楼\n']);
const POEM = '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n';

describe('the Transformer training settings in the URL', () => {
  it('round-trip through the hash', () => {
    const s = { corpus: 'mine', from: 'scratch', numbers: { epochs: 3, batch: 8, seed: 42 }, compare: true } as const;
    expect(decodeGtrain(encodeGtrain(s))).toEqual({ settings: s, problems: [] });
  });

  it('train the LSTM beside the Transformer only when the link says gtrain.cmp=1; off by default', () => {
    expect(GTRAIN_DEFAULT_SETTINGS.compare).toBe(false);
    expect(decodeGtrain(new URLSearchParams('gtrain.cmp=1')).settings.compare).toBe(true);
    expect(decodeGtrain(new URLSearchParams('gtrain.cmp=0')).settings.compare).toBe(false);
  });

  it('name a gtrain.cmp that is neither 1 nor 0 and keep the option off', () => {
    const { settings, problems } = decodeGtrain(new URLSearchParams('gtrain.cmp=yes'));
    expect(settings.compare).toBe(false);
    expect(problems.map((p) => p.text)).toEqual([expect.stringContaining('同时训练 LSTM 只能是 1（开）或 0（关）')]);
  });

  it('keep the defaults and name the problem for values outside the limits, and ignore foreign keys', () => {
    const params = new URLSearchParams(`gtrain.batch=${GTRAIN_RULES.batch.max + 1}&gtrain.epochs=0&gtrain.corpus=x&gtrain.__proto__=1`);
    const { settings, problems } = decodeGtrain(params);
    expect(settings).toEqual(GTRAIN_DEFAULT_SETTINGS);
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.text).join()).toContain('批大小');
  });
});

describe('a link naming a corpus or a starting point', () => {
  it('offers the options by the names the reader sees, never echoing an inherited key as if it were one', () => {
    const { settings, problems } = decodeGtrain(new URLSearchParams('gtrain.corpus=__proto__&gtrain.from=constructor'));
    expect(settings).toEqual(GTRAIN_DEFAULT_SETTINGS);
    expect(problems[0].text).toContain('唐诗、本书、我的文本');
    expect(problems[0].text).not.toContain('poetry');
    expect(problems[1].text).toContain('从头开始（随机初始化）');
  });

  it('says an empty corpus value is empty, listing the options, and keeps the default', () => {
    const { settings, problems } = decodeGtrain(new URLSearchParams('gtrain.corpus='));
    expect(settings.corpus).toBe(GTRAIN_DEFAULT_SETTINGS.corpus);
    expect(problems.map((p) => p.text)).toEqual([expect.stringContaining('语料是空的，可选：唐诗、本书、我的文本。')]);
    expect(problems[0].text).not.toContain('未知的语料“”');
  });

  it('accepts an option by its label as well as its id', () => {
    expect(decodeGtrain(new URLSearchParams('gtrain.corpus=本书')).settings.corpus).toBe('book');
    expect(decodeGtrain(new URLSearchParams('gtrain.corpus=mine')).settings.corpus).toBe('mine');
  });
});

describe('the split', () => {
  it('is the LSTM checkpoint’s, so validation losses on 唐诗 are on the same characters', () => {
    const meta = JSON.parse(readFileSync('public/models/poetry/meta.json', 'utf8')) as { seqLen: number; seed: number };
    expect({ seqLen: meta.seqLen, seed: meta.seed }).toEqual(LSTM_SPLIT);
  });
});

describe('a reader’s own text for the Transformer', () => {
  it('is refused when empty or too short, as in the LSTM lab', () => {
    expect(checkGptText('   ', vocab, 64)).toMatchObject({ ok: false, message: expect.stringContaining('空') });
    expect(checkGptText('白日'.repeat(10), vocab, 64)).toMatchObject({ ok: false, message: expect.stringContaining(`至少需要 ${MIN_CHARS}`) });
  });

  it('is refused when no character is in the vocabulary', () => {
    const r = checkGptText('hello world, 😀 '.repeat(30), vocab, 64);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('没有一个字在模型的字符表中') });
  });

  it('is accepted with a notice naming the share of unknown characters', () => {
    const r = checkGptText(`${POEM}abc\n`.repeat(12), vocab, 64);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.notices.join()).toMatch(/3 种字符不在模型的字符表中（占全部字符的 1[0-9]%）/);
  });

  it('is accepted without a notice when every character is known', () => {
    expect(checkGptText(POEM.repeat(10), vocab, 64)).toMatchObject({ ok: true, notices: [] });
  });

  it('is refused when it yields no training window of the context length', () => {
    expect(checkGptText(POEM.repeat(10), vocab, 400)).toMatchObject({ ok: false, message: expect.stringContaining('训练窗口') });
  });
});
