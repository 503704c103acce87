/**
 * Reading and writing progress in a Storage (localStorage in the page, a fake in tests).
 * A problem found while reading is first copied to a backup key, so the reader can download
 * it; only then is the main key free to be overwritten by new progress.
 */
import { parseProgress, type Loaded } from './parse';
import { PROGRESS_KEY, type Progress } from './schema';

export const BACKUP_PREFIX = `${PROGRESS_KEY}.backup.`;
/** Set when a backup is made, cleared when the reader has seen it on 我的进度: every page shows the notice until then. */
export const UNSEEN_KEY = `${PROGRESS_KEY}.unseen-backup`;

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
  storage.setItem(UNSEEN_KEY, JSON.stringify({ key: backupKey, message: loaded.problem.message }));
  // Only once the backup is written does a fresh record replace the bad one, so the next
  // reader on this page does not back the same data up again.
  saveProgress(storage, loaded.progress);
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

/**
 * Read, change, write back in one step, so two writers on a page (the reading tracker and an
 * exercise) never overwrite each other's records with a stale copy.
 */
export function updateProgress(storage: Storage, change: (p: Progress) => void, now = new Date()): Opened {
  const opened = openProgress(storage, now);
  change(opened.progress);
  saveProgress(storage, opened.progress);
  return opened;
}

/** The backup the reader has not yet been told about, if any. */
export function unseenBackup(storage: Storage): { key: string; message: string } | null {
  try {
    return JSON.parse(storage.getItem(UNSEEN_KEY) ?? 'null');
  } catch {
    return null;
  }
}
