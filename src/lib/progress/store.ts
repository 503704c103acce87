/**
 * Reading and writing progress in a Storage (localStorage in the page, a fake in tests).
 * A problem found while reading is first copied to a backup key, so the reader can download
 * it; only then is the main key free to be overwritten by new progress.
 */
import { parseProgress, type Loaded } from './parse';
import { PROGRESS_KEY, type Progress } from './schema';

export const BACKUP_PREFIX = `${PROGRESS_KEY}.backup.`;

export interface Opened extends Loaded {
  /** The key the unusable data was copied to. */
  backupKey?: string;
}

export function openProgress(storage: Storage, now = new Date()): Opened {
  const loaded = parseProgress(storage.getItem(PROGRESS_KEY), now.toISOString());
  if (!loaded.problem) {
    if (loaded.migratedFrom) storage.setItem(PROGRESS_KEY, JSON.stringify(loaded.progress));
    return loaded;
  }
  const backupKey = `${BACKUP_PREFIX}${now.toISOString()}`;
  storage.setItem(backupKey, loaded.problem.raw);
  return { ...loaded, backupKey };
}

export const saveProgress = (storage: Storage, progress: Progress) => storage.setItem(PROGRESS_KEY, JSON.stringify(progress));

/** Every backup kept, newest first, for the 我的进度 page to offer as downloads. */
export function listBackups(storage: Storage): { key: string; raw: string }[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(BACKUP_PREFIX)) keys.push(key);
  }
  return keys.sort().reverse().map((key) => ({ key, raw: storage.getItem(key) ?? '' }));
}
