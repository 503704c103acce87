import { describe, expect, it } from 'vitest';
import { checkTask, repetition, type WidgetReport } from '../../../src/lib/exercises/tasks';

const train = (over: Partial<Extract<WidgetReport, { widget: 'train' }>>): WidgetReport => ({
  widget: 'train',
  dataset: 'circle',
  hidden: [4, 2],
  trainLoss: 0.3,
  diverged: false,
  lr: 0.03,
  ...over,
});

describe('widget tasks', () => {
  it('circle-loss needs the circle data, at most 6 hidden neurons and loss under 0.05', () => {
    expect(checkTask('circle-loss', [train({ trainLoss: 0.04 })]).done).toBe(true);
    expect(checkTask('circle-loss', [train({ trainLoss: 0.04, hidden: [4, 4] })]).done).toBe(false);
    expect(checkTask('circle-loss', [train({ trainLoss: 0.04, dataset: 'xor' })]).done).toBe(false);
    expect(checkTask('circle-loss', [train({ trainLoss: 0.06 })]).done).toBe(false);
  });

  it('diverge is done once a training run diverged, naming the rate', () => {
    expect(checkTask('diverge', [train({})]).done).toBe(false);
    expect(checkTask('diverge', [train({ diverged: true, lr: 1e6 })])).toMatchObject({ done: true, status: expect.stringContaining('1000000') });
  });

  it('temperature-repeat waits for both runs, then knows which repeated more', () => {
    const low: WidgetReport = { widget: 'textgen', temperature: 0.3, text: '山中山中山中山中山中' };
    const high: WidgetReport = { widget: 'textgen', temperature: 1.5, text: '春眠不觉晓处处闻啼鸟' };
    expect(checkTask('temperature-repeat', [low]).status).toContain('1.5');
    expect(checkTask('temperature-repeat', [low, high]).moreRepetitive).toBe('low');
    expect(repetition('春眠不觉晓处处闻啼鸟')).toBe(0);
    expect(repetition('山中山中山中')).toBeGreaterThan(0.5);
  });
});
