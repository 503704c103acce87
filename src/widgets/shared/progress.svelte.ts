/**
 * The reader's progress in this browser, shared by every island on the page: exercises,
 * widget tasks and sections read. Reads once through src/lib/progress (which backs up bad
 * data instead of dropping it) and writes back after every change; other tabs stay in step.
 * Storage goes through the page's SafeStore: when the browser refuses it, progress is kept in
 * memory for the session and `storage` says why (the page shows one notice for it).
 */
import { emptyProgress, PROGRESS_KEY, type Progress } from '../../lib/progress/schema';
import { openProgress, updateProgress } from '../../lib/progress/store';
import { local } from '../../lib/storage/local';
import type { StorageState } from '../../lib/storage/store';

class ProgressStore {
  progress = $state<Progress>(emptyProgress());
  /** Set when stored progress could not be read: kept as a backup, or left untouched. */
  notice = $state('');
  /** Whether progress is being kept ('ok') or lives only in this page. */
  storage = $state<StorageState>('ok');
  private opened = false;

  open(): Progress {
    if (this.opened) return this.progress;
    this.opened = true;
    local.onChange((state) => (this.storage = state));
    const o = openProgress(local);
    this.progress = o.progress;
    this.storage = local.state;
    if (o.problem) {
      this.notice = o.backupKey
        ? `${o.problem.message}原来的数据已另存为备份，可以在“我的进度”页下载；从现在起重新记录。`
        : `${o.problem.message}原来的数据原样保留在浏览器里（无法另存备份），本次浏览的记录不会覆盖它。`;
    }
    window.addEventListener('storage', (e) => {
      if (e.key === PROGRESS_KEY) this.progress = openProgress(local).progress;
    });
    return this.progress;
  }

  /** Applies a change to the freshest stored copy (another writer may have saved since we read). */
  private update(change: (p: Progress) => void): void {
    this.open();
    this.progress = updateProgress(local, change).progress;
  }

  recordAttempt(id: string, correct: boolean): number {
    let attempts = 0;
    this.update((p) => {
      const prev = p.exercises[id];
      attempts = (prev?.attempts ?? 0) + 1;
      p.exercises[id] = { attempts, correct: correct || (prev?.correct ?? false), at: new Date().toISOString() };
    });
    return attempts;
  }

  completeTask(id: string): void {
    this.update((p) => void (p.tasks[id] ??= new Date().toISOString()));
  }

  replace(progress: Progress): void {
    this.update((p) => Object.assign(p, progress));
  }
}

export const progressStore = new ProgressStore();
