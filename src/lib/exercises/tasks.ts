/**
 * Widget tasks are checked against what the widgets report about their real state (a
 * `dmx:widget` event on window), never against what a reader says they did.
 */
import type { TaskName } from './types';

export type WidgetReport =
  | { widget: 'train'; dataset: string; hidden: number[]; trainLoss: number; diverged: boolean; lr: number }
  | { widget: 'textgen'; temperature: number; text: string };

export { WIDGET_EVENT } from './event';

/** The latest reports since the page loaded (reportWidget keeps it), so an exercise that hydrates later still sees them. */
export const reportLog = (): WidgetReport[] => ((globalThis as { dmxWidgetReports?: WidgetReport[] }).dmxWidgetReports ??= []);

/** Tasks the page completes by itself from reports alone; temperature-repeat also needs the reader's answer. */
export const AUTOMATIC_TASKS: TaskName[] = ['circle-loss', 'diverge'];

/** Share of character pairs that occur more than once: 0 for text that never repeats itself. */
export function repetition(text: string): number {
  const chars = Array.from(text.replace(/[，。\n]/g, ''));
  if (chars.length < 3) return 0;
  const seen = new Map<string, number>();
  for (let i = 1; i < chars.length; i++) seen.set(chars[i - 1] + chars[i], (seen.get(chars[i - 1] + chars[i]) ?? 0) + 1);
  const repeated = [...seen.values()].filter((n) => n > 1).reduce((a, n) => a + n, 0);
  return repeated / (chars.length - 1);
}

export interface TaskState {
  done: boolean;
  /** What is still missing, for the reader. */
  status: string;
  /** For temperature-repeat: which run repeated more, once both exist. */
  moreRepetitive?: 'low' | 'high';
}

export function checkTask(task: TaskName, reports: WidgetReport[]): TaskState {
  if (task === 'circle-loss') {
    const hit = reports.some((r) => r.widget === 'train' && r.dataset === 'circle' && r.hidden.reduce((a, b) => a + b, 0) <= 6 && r.trainLoss < 0.05);
    return { done: hit, status: hit ? '完成：圆形数据集上训练损失已低于 0.05。' : '尚未完成：需要圆形数据集、隐藏神经元总数 ≤ 6、训练损失 < 0.05。' };
  }
  if (task === 'diverge') {
    const hit = reports.find((r) => r.widget === 'train' && r.diverged);
    return { done: !!hit, status: hit && hit.widget === 'train' ? `完成：学习率 ${hit.lr} 让训练发散了。` : '尚未完成：训练还没有发散过。' };
  }
  const low = reports.filter((r) => r.widget === 'textgen' && r.temperature <= 0.3).at(-1);
  const high = reports.filter((r) => r.widget === 'textgen' && r.temperature >= 1.5).at(-1);
  if (!low || !high || low.widget !== 'textgen' || high.widget !== 'textgen')
    return { done: false, status: `还需要${low ? '' : '用温度 ≤ 0.3 '}${!low && !high ? '和' : ''}${high ? '' : '用温度 ≥ 1.5 '}各生成一次。` };
  return { done: false, status: '两次都生成了：哪一次更容易重复自己？', moreRepetitive: repetition(low.text) >= repetition(high.text) ? 'low' : 'high' };
}
