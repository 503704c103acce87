/**
 * The reader's progress in this browser, shared by every island on the page: exercises,
 * widget tasks and sections read. Reads once through src/lib/progress (which backs up bad
 * data instead of dropping it) and writes back after every change; other tabs stay in step.
 */
import { emptyProgress, PROGRESS_KEY, type Progress } from '../../lib/progress/schema';
import { openProgress, updateProgress } from '../../lib/progress/store';

class ProgressStore {
  progress = $state<Progress>(emptyProgress());
  /** Set when stored progress could not be read and was kept as a backup. */
  notice = $state('');
  backupKey = $state('');
  private opened = false;

  open(): Progress {
    if (this.opened || typeof localStorage === 'undefined') return this.progress;
    this.opened = true;
    try {
      const o = openProgress(localStorage);
      this.progress = o.progress;
      if (o.problem) {
        this.notice = `${o.problem.message}原来的数据已另存为备份，可以在“我的进度”页下载；从现在起重新记录。`;
        this.backupKey = o.backupKey ?? '';
      }
    } catch {
      this.notice = '浏览器不允许本站使用本地存储（可能是隐私模式），学习进度不会被保存。';
    }
    addEventListener('storage', (e) => {
      if (e.key === PROGRESS_KEY) this.progress = openProgress(localStorage).progress;
    });
    return this.progress;
  }

  /** Applies a change to the freshest stored copy (another writer may have saved since we read). */
  private update(change: (p: Progress) => void): void {
    this.open();
    try {
      this.progress = updateProgress(localStorage, change).progress;
    } catch {
      change(this.progress);
      this.notice = '无法保存学习进度（本地存储已满或被禁用）。';
    }
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

  markSection(id: string, how: 'scroll' | 'manual'): void {
    this.update((p) => void (p.sections[id] ??= { how, at: new Date().toISOString() }));
  }

  unmarkSection(id: string): void {
    this.update((p) => void delete p.sections[id]);
  }

  replace(progress: Progress): void {
    this.update((p) => Object.assign(p, progress));
  }
}

export const progressStore = new ProgressStore();
