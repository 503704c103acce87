import { describe, expect, it } from 'vitest';
import { batchRule, DEFAULT_CONFIG, decodeConfig, encodeConfig, labFields, parseHidden, type LabConfig } from '../../../src/lib/nn/config';
import { DEFAULT_SAMPLES, DEFAULT_TRAIN_FRACTION, makeDataset, trainCount } from '../../../src/lib/nn/datasets';
import { HIDDEN_LAYER_CHOICES, LIMITS, UNIT_CHOICES } from '../../../src/lib/nn/spec';
import { settingProblem, unknownKeyProblem } from '../../../src/lib/url/link-problem';

const custom: LabConfig = {
  ...DEFAULT_CONFIG,
  seed: 7,
  dataset: 'spiral',
  noise: 0.25,
  hidden: [8, 8, 3],
  activation: 'relu',
  lr: 0.001,
  batch: 30,
  optimizer: 'adam',
  l2: 0.01,
  earlyStop: true,
};

describe('lab config in the URL', () => {
  it('round-trips every field', () => {
    expect(decodeConfig(`#${encodeConfig(custom, 'train')}`, 'train')).toEqual({ config: custom, problems: [] });
  });
  it('keeps two widgets on one page apart by prefix', () => {
    const hash = `${encodeConfig(custom, 'train')}&${encodeConfig(DEFAULT_CONFIG, 'fit')}`;
    expect(decodeConfig(hash, 'fit').config).toEqual(DEFAULT_CONFIG);
    expect(decodeConfig(hash, 'train').config).toEqual(custom);
  });
  it('falls back to the defaults for an empty hash', () => {
    expect(decodeConfig('', 'train')).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });
  it.each([
    ['train.lr=abc', /学习率必须是数字/],
    ['train.lr=1e309', /学习率太大了/],
    ['train.lr=Infinity', /学习率必须是数字/],
    ['train.batch=0', /批大小必须在/],
    ['train.hidden=4,9', /每层神经元数必须在 1 到 8 之间/],
    ['train.hidden=1,1,1,1,1', /1 到 4 层/],
    ['train.dataset=%3Cscript%3E', /未知的数据集“<script>”/],
    ['train.seed=-1', /随机种子必须在/],
  ])('reports %s and keeps the default', (hash, message) => {
    const { config, problems } = decodeConfig(hash, 'train');
    expect(problems).toHaveLength(1);
    expect(problems[0].text).toMatch(message);
    expect(config).toEqual(DEFAULT_CONFIG);
  });
});

describe('batch size: at most the training set', () => {
  const chapter3 = labFields(trainCount(500, 0.5));
  it('chapter 3 trains on 250 points', () => {
    expect(trainCount(500, 0.5)).toBe(250);
    expect(makeDataset('circle', { n: 500, noise: 0, seed: 1, trainFraction: 0.5 }).train.x).toHaveLength(250);
  });
  it.each([
    ['1', 1],
    ['250', 250],
    [' 20 ', 20],
  ])('accepts %s', (text, value) => {
    expect(chapter3.batch(text)).toEqual({ ok: true, value });
  });
  it.each([
    ['0', '批大小必须在 1 到 250 之间，收到 0。'],
    ['251', '批大小必须在 1 到 250 之间，收到 251。'],
    ['2.5', '批大小必须是整数。'],
    ['abc', '批大小必须是数字，收到“abc”。'],
    ['', '批大小不能为空。'],
  ])('refuses %s', (text, message) => {
    expect(chapter3.batch(text)).toEqual({ ok: false, message });
  });
  it('refuses in a link exactly what the field refuses, and keeps the default', () => {
    expect(decodeConfig('#train.batch=251', 'train', DEFAULT_CONFIG, chapter3)).toEqual({
      config: DEFAULT_CONFIG,
      problems: [settingProblem('批大小必须在 1 到 250 之间，收到 251。')],
    });
    expect(decodeConfig('#train.batch=250', 'train', DEFAULT_CONFIG, chapter3).config.batch).toBe(250);
  });
  it('follows the widget’s own training set (the overfitting widget has 20 points)', () => {
    expect(batchRule(trainCount(200, 0.1)).max).toBe(20);
    expect(labFields(20).batch('21').ok).toBe(false);
  });
  it('defaults to the Trainer’s own dataset', () => {
    expect(labFields().batch(String(trainCount(DEFAULT_SAMPLES, DEFAULT_TRAIN_FRACTION))).ok).toBe(true);
    expect(labFields().batch(String(trainCount(DEFAULT_SAMPLES, DEFAULT_TRAIN_FRACTION) + 1)).ok).toBe(false);
  });
});

describe('hidden layers: one source for the selects and the link', () => {
  it('offers 1–4 layers of 1–8 units', () => {
    expect(HIDDEN_LAYER_CHOICES).toEqual([1, 2, 3, 4]);
    expect(UNIT_CHOICES).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it.each([['1'], ['8,8,8,8'], [' 3 ,1']])('accepts %s', (text) => {
    expect(parseHidden(text).ok).toBe(true);
  });
  it.each([
    ['1,1,1,1,1', /1 到 4 层/],
    ['', /每层神经元数不能为空/],
    ['0', /每层神经元数必须在 1 到 8 之间/],
    ['9', /每层神经元数必须在 1 到 8 之间/],
    ['2.5', /每层神经元数必须是整数/],
    ['4,,2', /每层神经元数不能为空/],
    ['a', /每层神经元数必须是数字/],
  ])('refuses %s', (text, message) => {
    const r = parseHidden(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  it('uses the same limits as LIMITS', () => {
    expect(parseHidden(Array(LIMITS.maxHidden).fill(LIMITS.maxUnits).join(',')).ok).toBe(true);
    expect(
      parseHidden(
        Array(LIMITS.maxHidden + 1)
          .fill(1)
          .join(','),
      ).ok,
    ).toBe(false);
  });
});

describe('choices and flags', () => {
  const fields = labFields();
  it.each([
    ['dataset', 'spiral', true],
    ['dataset', 'Spiral', false],
    ['activation', 'relu', true],
    ['activation', 'gelu', false],
    ['optimizer', 'adam', true],
    ['optimizer', '', false],
    ['earlyStop', '1', true],
    ['earlyStop', '0', true],
    ['earlyStop', 'true', false],
  ] as const)('%s = “%s” → %s', (key, text, ok) => {
    expect(fields[key](text).ok).toBe(ok);
  });
});

describe('only the widget’s own settings are read from a link', () => {
  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'batchSize'])('ignores and reports train.%s', (name) => {
    const { config, problems } = decodeConfig(`#train.${name}=1&train.batch=20`, 'train');
    expect(config).toEqual({ ...DEFAULT_CONFIG, batch: 20 });
    expect(problems).toEqual([unknownKeyProblem(`train.${name}`)]);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });
  it('leaves other widgets’ settings alone', () => {
    expect(decodeConfig('#fit.batch=3&fx.x1=2', 'train')).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });
});
