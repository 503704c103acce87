/**
 * The one way stored progress is read. Never throws and never drops data silently: corrupted
 * JSON, a shape that is not progress, or a version from the future come back as a problem
 * carrying the raw text, so the caller can keep a backup and say so; older versions migrate.
 */
import { emptyProgress, PROGRESS_VERSION, type Progress } from './schema';

export type ProblemKind = 'corrupt' | 'unknown-version';

export interface Loaded {
  progress: Progress;
  /** Set when the stored text could not be used as it was. */
  problem?: { kind: ProblemKind; raw: string; message: string };
  /** Set when an older schema was upgraded. */
  migratedFrom?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** v1 → v2: sections read (ProgressV1's `read`) become manual marks at the time of migration (v1 kept no times). */
function fromV1(read: readonly unknown[], now: string): Progress {
  const p = emptyProgress();
  for (const id of read) if (typeof id === 'string') p.sections[id] = { how: 'manual', at: now };
  return p;
}

/** Keeps only well-formed entries of a v2 object; a malformed entry is dropped, not the whole record. */
function cleanV2(data: Record<string, unknown>): Progress | null {
  const { sections, exercises, tasks } = data;
  if (!isRecord(sections) || !isRecord(exercises) || !isRecord(tasks)) return null;
  const p = emptyProgress();
  for (const [id, m] of Object.entries(sections))
    if (isRecord(m) && (m.how === 'scroll' || m.how === 'manual') && isIso(m.at)) p.sections[id] = { how: m.how, at: m.at };
  for (const [id, e] of Object.entries(exercises))
    if (isRecord(e) && typeof e.attempts === 'number' && Number.isInteger(e.attempts) && e.attempts >= 0 && typeof e.correct === 'boolean' && isIso(e.at))
      p.exercises[id] = { attempts: e.attempts, correct: e.correct, at: e.at };
  for (const [id, at] of Object.entries(tasks)) if (isIso(at)) p.tasks[id] = at;
  return p;
}

export function parseProgress(raw: string | null, now = new Date().toISOString()): Loaded {
  if (raw === null || raw === '') return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), problem: { kind: 'corrupt', raw, message: '保存的学习进度已损坏（不是有效的 JSON）。' } };
  }
  const version = isRecord(data) ? data.version : undefined;
  if (isRecord(data) && version === 1 && Array.isArray(data.read)) return { progress: fromV1(data.read, now), migratedFrom: 1 };
  if (isRecord(data) && version === PROGRESS_VERSION) {
    const progress = cleanV2(data);
    if (progress) return { progress };
  }
  if (typeof version === 'number' && version > PROGRESS_VERSION)
    return {
      progress: emptyProgress(),
      problem: { kind: 'unknown-version', raw, message: `保存的学习进度来自更新的版本（第 ${version} 版），本页只认识到第 ${PROGRESS_VERSION} 版。` },
    };
  return { progress: emptyProgress(), problem: { kind: 'corrupt', raw, message: '保存的学习进度格式不对，无法读取。' } };
}
