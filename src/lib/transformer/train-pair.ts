/**
 * 附录 A's training with the §5.2 LSTM beside the Transformer: two runs in two workers, driven
 * by one set of buttons. How their states combine into the one the buttons show, and the words
 * for the LSTM's side, kept apart from the widget so they can be tested without a browser.
 */
import type { ProgressParts } from '../textgen/progress-line';
import type { EndReason } from './train-messages';

/** A training run's state, as the page's TrainRun has it. */
export type TrainStatus = ProgressParts['status'];

/** The names the two runs go by in the progress lines and the chart's key. */
export const PAIR_NAMES = { transformer: 'Transformer', lstm: 'LSTM' } as const;

/**
 * The one state the shared buttons show for runs `a` and `b`: idle only when both are; pausing
 * while either still finishes its batch; paused once every run left is paused; running while
 * either runs; else preparing. So 暂停 waits for both, and 开始训练 stays off until both end.
 */
export function pairStatus(a: TrainStatus, b: TrainStatus): TrainStatus {
  const both = [a, b];
  const live = both.filter((s) => s !== 'idle');
  if (live.length === 0) return 'idle';
  if (live.includes('pausing')) return 'pausing';
  if (live.every((s) => s === 'paused')) return 'paused';
  return live.includes('running') ? 'running' : 'preparing';
}

/** "LSTM：第 1 轮，第 3 / 40 批…": a run's progress line named, when two runs share the panel. */
export const namedLine = (name: string, line: string): string => `${name}：${line}`;

/**
 * What the reader is told when the LSTM run beside the Transformer ended for `reason`, with its
 * last validation loss (nats/char) when it has one. It is never saved: the §5.2 lab's own model
 * (IndexedDB `textlab-<corpus>`) stays as the reader left it.
 */
export function lstmEndMessage(reason: EndReason, valLoss: number | undefined): string {
  const loss = valLoss !== undefined && Number.isFinite(valLoss) ? `，验证损失 ${valLoss.toFixed(3)}` : '';
  const kept = '这个 LSTM 只用来对比，不保存，5.2 节保存的模型不受影响。';
  return {
    done: `LSTM 训练完成${loss}。${kept}`,
    stopped: `LSTM 已停止${loss}。${kept}`,
    diverged: `LSTM 训练发散：损失变成了非有限值，已停止；Transformer 的训练照常进行。${kept}`,
  }[reason];
}
