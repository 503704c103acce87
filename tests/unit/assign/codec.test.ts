import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeAssignment, type Assignment } from '../../../src/lib/assign/codec';

const known = { sections: new Set(['sec-4-2', 'sec-3-2']), exercises: new Set(['ex-4-1', 'ex-3-4']), tasks: new Set(['ex-3-4']) };
const assignment: Assignment = {
  title: '第 4 章作业',
  due: '2026-12-01',
  notes: '先读 4.2，再做练习。',
  items: [
    { k: 'sec', id: 'sec-4-2' },
    { k: 'para', id: 'p-0abc123', ch: 4 },
    { k: 'ex', id: 'ex-4-1' },
    { k: 'task', id: 'ex-3-4', preset: 'train.lr=3&train.dataset=xor' },
  ],
};
const raw = (v: number, data: unknown) => `${v}.${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;

describe('assignment links', () => {
  it('round-trip everything, in a compact link', () => {
    const link = encodeAssignment(assignment);
    expect(link.startsWith('1.')).toBe(true);
    expect(link.length).toBeLessThan(JSON.stringify(assignment).length * 2);
    expect(decodeAssignment(link, known)).toEqual({ ok: true, assignment, missing: [] });
  });

  it('list ids the book does not have as missing, keeping the rest', () => {
    const link = encodeAssignment({ ...assignment, items: [...assignment.items, { k: 'sec', id: 'sec-9-9' }, { k: 'ex', id: 'ex-99-1' }] });
    const d = decodeAssignment(link, known);
    expect(d.ok && d.missing).toEqual(['sec-9-9', 'ex-99-1']);
    expect(d.ok && d.assignment.items).toHaveLength(4);
  });

  it('refuse invalid encoding, an unknown version and a 100 KB payload with a message', () => {
    expect(decodeAssignment('1.%%%not-lz', known)).toMatchObject({ ok: false, message: expect.stringContaining('损坏') });
    expect(decodeAssignment('garbage', known)).toMatchObject({ ok: false, message: expect.stringContaining('格式') });
    expect(decodeAssignment(raw(7, assignment), known)).toMatchObject({ ok: false, message: expect.stringContaining('第 7 版') });
    expect(decodeAssignment('1.' + 'A'.repeat(100 * 1024), known)).toMatchObject({ ok: false, message: expect.stringContaining('太长') });
  });

  it('refuse items that are not ours, such as a javascript: preset or a made-up kind', () => {
    expect(decodeAssignment(raw(1, { ...assignment, items: [{ k: 'task', id: 'ex-3-4', preset: 'javascript:alert(1)' }] }), known).ok).toBe(false);
    expect(decodeAssignment(raw(1, { ...assignment, items: [{ k: 'url', id: 'https://evil.example' }] }), known).ok).toBe(false);
    expect(decodeAssignment(raw(1, { ...assignment, items: [{ k: 'sec', id: '"><script>' }] }), known).ok).toBe(false);
  });

  it('keep hostile text in the title and notes as plain text for the page to escape', () => {
    const hostile = { ...assignment, title: '<script>alert(1)</script>', notes: '"><img src=x onerror=alert(1)> javascript:alert(1)' };
    const d = decodeAssignment(encodeAssignment(hostile), known);
    expect(d.ok && d.assignment.title).toBe('<script>alert(1)</script>');
  });
});
