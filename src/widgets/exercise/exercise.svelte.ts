/**
 * One exercise's state: the reader's answer, the verdict, and attempts (kept in the progress
 * store). Widget tasks listen for the widgets' `dmx:widget` reports instead of taking answers.
 */
import { checkMultiple, checkNumeric, checkOrdering, checkSingle, displayOrder, type Verdict } from '../../lib/exercises/check';
import { checkTask, reportLog, WIDGET_EVENT, type TaskState } from '../../lib/exercises/tasks';
import type { Exercise } from '../../lib/exercises/types';
import { progressStore } from '../shared/progress.svelte';

export class ExerciseState {
  single = $state<number | null>(null);
  multiple = $state<number[]>([]);
  numeric = $state('');
  order = $state<number[]>([]);
  verdict = $state<Verdict | null>(null);
  attempts = $state(0);
  solved = $state(false);
  task = $state<TaskState | null>(null);

  constructor(
    readonly ex: Exercise,
    private readonly expected?: number,
  ) {
    if (ex.kind === 'ordering') this.order = displayOrder(ex);
    if (ex.kind === 'task') this.task = checkTask(ex.task, []);
  }

  /** Restores attempts from storage and, for tasks, starts listening to widgets. Returns a cleanup. */
  start(): () => void {
    const progress = progressStore.open();
    const record = progress.exercises[this.ex.id];
    this.attempts = record?.attempts ?? 0;
    this.solved = (record?.correct ?? false) || !!progress.tasks[this.ex.id];
    if (this.ex.kind !== 'task') return () => {};
    // The page's log includes what the widgets reported before this island hydrated.
    this.task = checkTask(this.ex.task, reportLog());
    const onReport = () => this.report();
    addEventListener(WIDGET_EVENT, onReport);
    return () => removeEventListener(WIDGET_EVENT, onReport);
  }

  private report(): void {
    if (this.ex.kind !== 'task') return;
    this.task = checkTask(this.ex.task, reportLog());
    if (this.task.done && !this.solved) this.finish({ correct: true });
  }

  /** The temperature task's question: which run repeated itself more? */
  chooseRepetitive(which: 'low' | 'high'): void {
    if (!this.task?.moreRepetitive) return;
    this.finish(which === this.task.moreRepetitive ? { correct: true } : { correct: false, hint: '看看两段文字里重复出现的字和词，再选一次。' });
  }

  move(index: number, by: -1 | 1): void {
    const j = index + by;
    if (j < 0 || j >= this.order.length) return;
    const next = [...this.order];
    [next[index], next[j]] = [next[j], next[index]];
    this.order = next;
  }

  check(): void {
    const ex = this.ex;
    const v =
      ex.kind === 'single'
        ? checkSingle(ex, this.single)
        : ex.kind === 'multiple'
          ? checkMultiple(ex, this.multiple)
          : ex.kind === 'numeric'
            ? checkNumeric(this.expected ?? NaN, ex.tolerance, this.numeric)
            : ex.kind === 'ordering'
              ? checkOrdering(ex, this.order)
              : { correct: false };
    if (v.invalid) this.verdict = v;
    else this.finish(v);
  }

  private finish(v: Verdict): void {
    this.verdict = v;
    this.attempts = progressStore.recordAttempt(this.ex.id, v.correct);
    if (v.correct) {
      this.solved = true;
      if (this.ex.kind === 'task') progressStore.completeTask(this.ex.id);
    }
  }
}
