/**
 * The student's side of an assignment: decode the link (never trusting it), remember every
 * assignment opened in this browser, and derive the checklist from progress.
 */
import { assignmentCode, decodeAssignment, type Assignment } from '../../lib/assign/codec';
import { makeReceipt, type Receipt } from '../../lib/assign/receipt';
import { assignmentStatus } from '../../lib/assign/status';
import type { ChapterEntry } from '../../lib/book/outline';
import { local } from '../../lib/storage/local';
import { progressStore } from '../shared/progress.svelte';

const OPENED_KEY = 'dmx.assignments';

export interface Opened {
  code: string;
  title: string;
  openedAt: string;
}

export class AssignmentState {
  assignment = $state.raw<Assignment | null>(null);
  code = $state('');
  error = $state('');
  missing = $state<string[]>([]);
  opened = $state<Opened[]>([]);
  status = $derived(this.assignment ? assignmentStatus(this.assignment, progressStore.progress) : []);
  done = $derived(this.status.filter((s) => s.done).length);

  constructor(private readonly outline: ChapterEntry[]) {}

  /**
   * Reads the assignment in the page's link. Writes this object's state and never reads it, so
   * calling it from an effect cannot make the effect depend on what it writes.
   */
  load(): void {
    progressStore.open();
    const opened = this.readOpened();
    this.opened = opened;
    const code = assignmentCode(location.hash);
    this.assignment = null;
    this.error = '';
    this.missing = [];
    if (code === null) {
      this.error = opened.length ? '' : '这个页面需要老师发来的作业链接（网址里带有 #a=…）。';
      return;
    }
    const known = {
      sections: new Set(this.outline.flatMap((c) => c.sections.map((s) => s.id))),
      exercises: new Set(this.outline.flatMap((c) => c.exercises)),
      tasks: new Set(this.outline.flatMap((c) => c.tasks)),
    };
    const d = decodeAssignment(code, known);
    if (!d.ok) {
      this.error = d.message;
      return;
    }
    this.code = code;
    this.assignment = d.assignment;
    this.missing = d.missing;
    this.remember({ code, title: d.assignment.title, openedAt: new Date().toISOString() });
  }

  private readOpened(): Opened[] {
    try {
      const list = JSON.parse(local.read(OPENED_KEY) ?? '[]');
      return Array.isArray(list) ? list.filter((o) => typeof o?.code === 'string' && typeof o?.title === 'string').slice(0, 50) : [];
    } catch {
      return [];
    }
  }

  private remember(o: Opened): void {
    const list = [o, ...this.readOpened().filter((x) => x.code !== o.code)].slice(0, 50);
    this.opened = list;
    // Without storage the assignment still works; it is remembered for this session only.
    local.write(OPENED_KEY, JSON.stringify(list));
  }

  receipt(): Promise<Receipt> {
    return makeReceipt(this.assignment!, location.href, this.status);
  }
}
