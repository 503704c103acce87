import { describe, expect, it } from 'vitest';
import { etaText, progressLine, type ProgressParts } from '../../../src/lib/textgen/progress-line';

const running: ProgressParts = {
  status: 'running',
  epoch: 0,
  firstEpoch: 0,
  batch: 3,
  batches: 40,
  etaSeconds: 12,
  charsPerSecond: 850.4,
  backend: 'wasm',
  threads: 1,
};

describe('the training progress line', () => {
  it('joins its parts with a comma and no space before it', () => {
    expect(progressLine(running)).toBe('第 1 轮，第 3 / 40 批，预计还需 12 秒，每秒 850 个字符（训练线程后端：wasm）');
    expect(progressLine({ ...running, threads: 2, firstEpoch: 11, epoch: 11 })).not.toMatch(/\s，|，\s/);
  });

  it('shows no time left while paused or pausing', () => {
    expect(progressLine({ ...running, status: 'paused', etaSeconds: 0 })).toBe('第 1 轮，第 3 / 40 批（已暂停），每秒 850 个字符（训练线程后端：wasm）');
    expect(progressLine({ ...running, status: 'pausing' })).not.toContain('预计还需');
  });

  it('says the corpus is being prepared before the first batch', () => {
    expect(progressLine({ ...running, status: 'preparing', batches: 0, etaSeconds: null, charsPerSecond: 0, backend: '' })).toBe('正在准备语料…');
  });
});

describe('the time left', () => {
  it('is never “0 秒”', () => {
    expect(etaText(0)).toBe('不到 1 秒');
    expect(etaText(0.4)).toBe('不到 1 秒');
  });

  it('counts minutes past 60 seconds', () => {
    expect(etaText(45)).toBe('45 秒');
    expect(etaText(125)).toBe('2 分 5 秒');
  });
});
