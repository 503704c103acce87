import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, decodeConfig, encodeConfig, type LabConfig } from '../../../src/lib/nn/config';

const custom: LabConfig = { ...DEFAULT_CONFIG, seed: 7, dataset: 'spiral', noise: 0.25, hidden: [8, 8, 3], activation: 'relu', lr: 0.001, batch: 30, optimizer: 'adam', l2: 0.01, earlyStop: true };

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
    ['train.dataset=%3Cscript%3E', /未知的选项“<script>”/],
    ['train.seed=-1', /随机种子必须在/],
  ])('reports %s and keeps the default', (hash, message) => {
    const { config, problems } = decodeConfig(hash, 'train');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(config).toEqual(DEFAULT_CONFIG);
  });
});
