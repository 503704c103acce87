import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../../src/lib/progress/parse';
import { emptyProgress } from '../../../src/lib/progress/schema';

const NOW = '2026-11-29T01:00:00.000Z';
const v2 = {
  version: 2,
  sections: { 'sec-4-2': { how: 'scroll', at: '2026-11-01T00:00:00.000Z' } },
  exercises: { 'ex-4-1': { attempts: 2, correct: true, at: '2026-11-02T00:00:00.000Z' } },
  tasks: { 'task-circle': '2026-11-03T00:00:00.000Z' },
};

describe('reading stored progress', () => {
  it('starts empty when nothing is stored', () => {
    expect(parseProgress(null)).toEqual({ progress: emptyProgress() });
  });

  it('reads the current schema unchanged', () => {
    expect(parseProgress(JSON.stringify(v2))).toEqual({ progress: v2 });
  });

  it('migrates version 1 (a list of read sections) to version 2', () => {
    const { progress, migratedFrom } = parseProgress(JSON.stringify({ version: 1, read: ['sec-1-1', 'sec-3-2'] }), NOW);
    expect(migratedFrom).toBe(1);
    expect(progress.sections).toEqual({ 'sec-1-1': { how: 'manual', at: NOW }, 'sec-3-2': { how: 'manual', at: NOW } });
  });

  it('reports corrupted JSON with the raw text kept for a backup', () => {
    const raw = '{"version":2,"sections":{';
    expect(parseProgress(raw)).toMatchObject({ progress: emptyProgress(), problem: { kind: 'corrupt', raw } });
  });

  it('reports a version from the future instead of guessing at it', () => {
    const raw = JSON.stringify({ version: 9, sections: {} });
    expect(parseProgress(raw)).toMatchObject({ problem: { kind: 'unknown-version', raw, message: expect.stringContaining('第 9 版') } });
  });

  it('drops only the malformed entries of an otherwise good record', () => {
    const raw = JSON.stringify({
      ...v2,
      sections: { ...v2.sections, bad: { how: 'telepathy', at: 'yesterday' } },
      exercises: { ...v2.exercises, x: { attempts: -1 } },
    });
    expect(parseProgress(raw)).toEqual({ progress: v2 });
  });
});
