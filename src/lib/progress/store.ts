/**
 * Reading and writing progress in a SafeStore (the page's localStorage, a fake in tests), which
 * never throws. A problem found while reading is first copied to a backup key, so the reader can
 * download it; only once that backup is stored is the main key free to be overwritten. When the
 * backup cannot be stored, the bad record stays as it is and this session records in memory.
 */
import type { SafeStore } from '../storage/store';
import { parseProgress, type Loaded } from './parse';
import { PROGRESS_KEY, type Progress } from './schema';

export const BACKUP_PREFIX = `${PROGRESS_KEY}.backup.`;
/** Set when a backup is made, cleared when the reader has seen it on 我的进度: every page shows the notice until then. */
export const UNSEEN_KEY = `${PROGRESS_KEY}.unseen-backup`;

export interface Opened extends Loaded {
  /** The key the unusable data was copied to. */
  backupKey?: string;
}

/** The stored progress (migrated, or fresh after backing up unusable data). Never throws. */
export function openProgress(store: SafeStore, now = new Date()): Opened {
  const loaded = parseProgress(store.read(PROGRESS_KEY), now.toISOString());
  if (!loaded.problem) {
    if (loaded.migratedFrom) saveProgress(store, loaded.progress);
    return loaded;
  }
  const backupKey = `${BACKUP_PREFIX}${now.toISOString()}`;
  if (!store.write(backupKey, loaded.problem.raw)) {
    // No backup, so the bad record must survive: this session records beside it, in memory.
    store.remove(backupKey);
    store.keep(PROGRESS_KEY, JSON.stringify(loaded.progress));
    return loaded;
  }
  store.write(UNSEEN_KEY, JSON.stringify({ key: backupKey, message: loaded.problem.message }));
  // Only once the backup is written does a fresh record replace the bad one, so the next
  // reader on this page does not back the same data up again.
  saveProgress(store, loaded.progress);
  return { ...loaded, backupKey };
}

/** Writes progress; false when it is kept for this session only (see SafeStore.write). */
export const saveProgress = (store: SafeStore, progress: Progress): boolean => store.write(PROGRESS_KEY, JSON.stringify(progress));

/** Every backup kept, newest first, for the 我的进度 page to offer as downloads. */
export function listBackups(store: SafeStore): { key: string; raw: string }[] {
  const keys = store.keys().filter((key) => key.startsWith(BACKUP_PREFIX));
  return keys
    .sort()
    .reverse()
    .map((key) => ({ key, raw: store.read(key) ?? '' }));
}

/**
 * Read, change, write back in one step, so two writers on a page (the reading tracker and an
 * exercise) never overwrite each other's records with a stale copy.
 */
export function updateProgress(store: SafeStore, change: (p: Progress) => void, now = new Date()): Opened {
  const opened = openProgress(store, now);
  change(opened.progress);
  saveProgress(store, opened.progress);
  return opened;
}

/** The backup the reader has not yet been told about, if any (null for anything malformed). */
export function unseenBackup(store: SafeStore): { key: string; message: string } | null {
  try {
    const v: unknown = JSON.parse(store.read(UNSEEN_KEY) ?? 'null');
    if (typeof v !== 'object' || v === null || !('key' in v) || !('message' in v)) return null;
    return typeof v.key === 'string' && typeof v.message === 'string' ? { key: v.key, message: v.message } : null;
  } catch {
    return null;
  }
}
