/**
 * Whether each item of an assignment is done, from the student's own progress: a section read,
 * a paragraph opened from its link, an exercise answered correctly, a widget task completed.
 */
import type { Progress } from '../progress/schema';
import type { Assignment, Item } from './codec';

export interface ItemStatus {
  item: Item;
  done: boolean;
  /** When it was done (ISO), if it was. */
  at?: string;
  attempts?: number;
}

/** Progress key under which opening a paragraph link is recorded. */
export const visitKey = (id: string) => `visit:${id}`;

export function itemStatus(item: Item, p: Progress): ItemStatus {
  switch (item.k) {
    case 'sec':
      return { item, done: !!p.sections[item.id], at: p.sections[item.id]?.at };
    case 'para':
      return { item, done: !!p.tasks[visitKey(item.id)], at: p.tasks[visitKey(item.id)] };
    case 'ex': {
      const e = p.exercises[item.id];
      return { item, done: !!e?.correct, at: e?.correct ? e.at : undefined, attempts: e?.attempts ?? 0 };
    }
    case 'task':
      return { item, done: !!p.tasks[item.id], at: p.tasks[item.id], attempts: p.exercises[item.id]?.attempts ?? 0 };
  }
}

export const assignmentStatus = (a: Assignment, p: Progress) => a.items.map((i) => itemStatus(i, p));
