/**
 * The one line of progress a training run shows under its buttons (shared/TrainProgress.svelte,
 * for the §5.2 lab and 附录 A's Transformer), built as one string so that no template spacing
 * lands before a Chinese comma: "第 1 轮，第 3 / 40 批，预计还需 12 秒，每秒 850 个字符（训练线程后端：wasm）".
 */
import { epochLabel } from './epoch-label';

/** What the line is made from; `status` as the page's TrainRun has it. */
export interface ProgressParts {
  status: 'idle' | 'preparing' | 'running' | 'pausing' | 'paused';
  /** The epoch under way, counted from `firstEpoch` (as the worker counts it), and how many the model had before this run. */
  epoch: number;
  firstEpoch: number;
  batch: number;
  /** Batches in one epoch; 0 before the worker has said. */
  batches: number;
  /** Estimated seconds left, or null before there is an estimate. */
  etaSeconds: number | null;
  charsPerSecond: number;
  backend: string;
  threads: number;
}

/** "45 秒", "2 分 5 秒"; under one second is "不到 1 秒", never "0 秒". */
export function etaText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 1) return '不到 1 秒';
  return s >= 60 ? `${Math.floor(s / 60)} 分 ${s % 60} 秒` : `${s} 秒`;
}

/**
 * The progress line for `p`. The time left is shown only while the run is running: a paused run
 * has no time left to count down. Never throws; non-finite figures are left out.
 */
export function progressLine(p: ProgressParts): string {
  const parts: string[] = [];
  if (p.status === 'preparing') parts.push('正在准备语料…');
  else if (p.batches) parts.push(`${epochLabel(p.epoch - p.firstEpoch + 1, p.firstEpoch)}，第 ${p.batch} / ${p.batches} 批`);
  const state = p.status === 'pausing' ? '（正在暂停：等当前批次结束）' : p.status === 'paused' ? '（已暂停）' : '';
  if (p.status === 'running' && p.etaSeconds !== null && Number.isFinite(p.etaSeconds)) parts.push(`预计还需 ${etaText(p.etaSeconds)}`);
  if (p.charsPerSecond > 0 && Number.isFinite(p.charsPerSecond)) parts.push(`每秒 ${Math.round(p.charsPerSecond)} 个字符`);
  const backend = p.backend ? `（训练线程后端：${p.backend}${p.threads > 1 ? `，${p.threads} 个线程` : ''}）` : '';
  const [first = '', ...rest] = parts;
  return [first + state, ...rest].filter(Boolean).join('，') + backend;
}
