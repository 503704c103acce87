import { describe, expect, it } from 'vitest';
import { lstmEndMessage, namedLine, pairStatus, type TrainStatus } from '../../../src/lib/transformer/train-pair';

const ALL: TrainStatus[] = ['idle', 'preparing', 'running', 'pausing', 'paused'];

describe('the state the shared buttons show for the Transformer and the LSTM trained together', () => {
  it('is one run’s own state while the other is idle (one run alone, or the other has ended)', () => {
    for (const s of ALL) {
      expect(pairStatus(s, 'idle')).toBe(s);
      expect(pairStatus('idle', s)).toBe(s);
    }
  });

  it('is pausing until both have finished their batch, then paused', () => {
    expect(pairStatus('pausing', 'running')).toBe('pausing');
    expect(pairStatus('paused', 'pausing')).toBe('pausing');
    expect(pairStatus('paused', 'paused')).toBe('paused');
  });

  it('is running while either runs and the other is still getting ready', () => {
    expect(pairStatus('running', 'preparing')).toBe('running');
    expect(pairStatus('preparing', 'running')).toBe('running');
    expect(pairStatus('preparing', 'preparing')).toBe('preparing');
  });
});

describe('the LSTM side’s words', () => {
  it('name each run’s progress line', () => {
    expect(namedLine('LSTM', '第 1 轮，第 3 / 40 批')).toBe('LSTM：第 1 轮，第 3 / 40 批');
  });

  it('give the final validation loss and say the §5.2 model is not replaced', () => {
    const m = lstmEndMessage('done', 2.34567);
    expect(m).toContain('LSTM 训练完成，验证损失 2.346');
    expect(m).toContain('5.2 节保存的模型不受影响');
  });

  it('say a divergence stopped the LSTM only, and leave out a loss that is not finite', () => {
    expect(lstmEndMessage('diverged', undefined)).toContain('Transformer 的训练照常进行');
    expect(lstmEndMessage('stopped', NaN)).not.toContain('NaN');
  });
});
