/**
 * A reader's progress, as stored in localStorage under one key and one versioned schema.
 * Version 1 (the first format) kept only the ids of sections marked read; version 2 adds how
 * and when each was read, and exercise attempts and widget tasks.
 */
export const PROGRESS_KEY = 'dmx.progress';
export const PROGRESS_VERSION = 2;

export interface SectionMark {
  /** 'scroll' when the reader scrolled through it, 'manual' when ticked by hand. */
  how: 'scroll' | 'manual';
  /** ISO 8601 time it was first marked. */
  at: string;
}

export interface ExerciseRecord {
  attempts: number;
  correct: boolean;
  /** ISO time of the last attempt. */
  at: string;
}

export interface ProgressV2 {
  version: 2;
  /** Keyed by section anchor, e.g. "sec-4-2". */
  sections: Record<string, SectionMark>;
  /** Keyed by data-exercise-id. */
  exercises: Record<string, ExerciseRecord>;
  /** Widget tasks completed, keyed by task id, with the time. */
  tasks: Record<string, string>;
}

export interface ProgressV1 {
  version: 1;
  read: string[];
}

export type Progress = ProgressV2;

export const emptyProgress = (): Progress => ({ version: 2, sections: {}, exercises: {}, tasks: {} });
