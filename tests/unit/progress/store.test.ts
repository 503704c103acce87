import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../../src/lib/progress/merge';
import { BACKUP_PREFIX, listBackups, openProgress, saveProgress, updateProgress } from '../../../src/lib/progress/store';
import { emptyProgress, PROGRESS_KEY } from '../../../src/lib/progress/schema';
import { safeStore } from '../../../src/lib/storage/store';
import { memoryStorage, throwingStorage } from './memory-storage';

const now = new Date('2026-11-29T01:00:00.000Z');

describe('progress in storage', () => {
  it('copies corrupted progress to a backup before anything can overwrite it', async () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: 'not json' });
    const store = safeStore(() => storage);
    const opened = openProgress(store, now);
    expect(opened.backupKey).toBe(`${BACKUP_PREFIX}2026-11-29T01:00:00.000Z`);
    expect(storage.getItem(opened.backupKey!)).toBe('not json');
    saveProgress(store, opened.progress);
    expect(listBackups(store)).toEqual([{ key: opened.backupKey, raw: 'not json' }]);
    const { unseenBackup } = await import('../../../src/lib/progress/store');
    expect(unseenBackup(store)?.key).toBe(opened.backupKey);
    // A second reader finds a fresh record, not the same problem again.
    expect(openProgress(store, new Date(now.getTime() + 1)).problem).toBeUndefined();
    expect(listBackups(store)).toHaveLength(1);
  });

  it('writes a migrated record back in the current schema', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify({ version: 1, read: ['sec-2-1'] }) });
    openProgress(
      safeStore(() => storage),
      now,
    );
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!)).toMatchObject({ version: 2, sections: { 'sec-2-1': { how: 'manual' } } });
  });
});

describe('importing a progress file', () => {
  it('merges without losing anything recorded on either side', () => {
    const a = emptyProgress();
    a.sections['sec-1-1'] = { how: 'scroll', at: '2026-11-02T00:00:00Z' };
    a.exercises['ex-1'] = { attempts: 3, correct: false, at: '2026-11-02T00:00:00Z' };
    const b = emptyProgress();
    b.sections['sec-1-1'] = { how: 'manual', at: '2026-11-01T00:00:00Z' };
    b.sections['sec-2-1'] = { how: 'scroll', at: '2026-11-03T00:00:00Z' };
    b.exercises['ex-1'] = { attempts: 1, correct: true, at: '2026-11-04T00:00:00Z' };
    b.tasks['t'] = '2026-11-05T00:00:00Z';
    expect(mergeProgress(a, b)).toEqual({
      version: 2,
      sections: { 'sec-1-1': { how: 'manual', at: '2026-11-01T00:00:00Z' }, 'sec-2-1': { how: 'scroll', at: '2026-11-03T00:00:00Z' } },
      exercises: { 'ex-1': { attempts: 3, correct: true, at: '2026-11-04T00:00:00Z' } },
      tasks: { t: '2026-11-05T00:00:00Z' },
    });
    expect(mergeProgress(b, a)).toEqual(mergeProgress(a, b));
  });
});

describe('two writers on one page', () => {
  it('do not overwrite each other: each change applies to the freshest stored copy', async () => {
    const { updateProgress } = await import('../../../src/lib/progress/store');
    const storage = memoryStorage();
    const store = safeStore(() => storage);
    updateProgress(store, (p) => void (p.sections['sec-1-1'] = { how: 'scroll', at: now.toISOString() }));
    updateProgress(store, (p) => void (p.exercises['ex-1-1'] = { attempts: 1, correct: true, at: now.toISOString() }));
    const stored = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(Object.keys(stored.sections)).toEqual(['sec-1-1']);
    expect(Object.keys(stored.exercises)).toEqual(['ex-1-1']);
  });
});

describe('progress when the browser refuses storage', () => {
  it('records for the session when every storage call throws, and says storage is unavailable', () => {
    const store = safeStore(() => throwingStorage());
    updateProgress(store, (p) => void (p.sections['sec-1-1'] = { how: 'manual', at: now.toISOString() }));
    updateProgress(store, (p) => void (p.exercises['ex-1-1'] = { attempts: 1, correct: true, at: now.toISOString() }));
    const { progress } = openProgress(store, now);
    expect(Object.keys(progress.sections)).toEqual(['sec-1-1']);
    expect(Object.keys(progress.exercises)).toEqual(['ex-1-1']);
    expect(store.state).toBe('unavailable');
  });

  it('never overwrites unreadable stored progress it could not back up', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: 'not json' });
    // Full: nothing new fits, so the backup write fails (and so would any other write).
    const full = {
      ...storage,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const store = safeStore(() => full);
    const opened = openProgress(store, now);
    expect(opened.backupKey).toBeUndefined();
    updateProgress(store, (p) => void (p.sections['sec-1-1'] = { how: 'manual', at: now.toISOString() }));
    expect(storage.getItem(PROGRESS_KEY)).toBe('not json');
    expect(listBackups(store)).toEqual([]);
    expect(openProgress(store, now).progress.sections).toHaveProperty('sec-1-1');
    expect(store.state).toBe('quota');
  });

  it('keeps the record in storage untouched when the same store later accepts writes', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: 'not json' });
    let full = true;
    const store = safeStore(() => ({
      ...storage,
      length: storage.length,
      key: storage.key,
      setItem: (k: string, v: string) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        storage.setItem(k, v);
      },
    }));
    openProgress(store, now);
    full = false;
    updateProgress(store, (p) => void (p.sections['sec-1-1'] = { how: 'manual', at: now.toISOString() }));
    expect(storage.getItem(PROGRESS_KEY)).toBe('not json');
  });
});
