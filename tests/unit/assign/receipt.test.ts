import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/lib/assign/codec';
import { makeReceipt, verifyReceipt } from '../../../src/lib/assign/receipt';
import { assignmentStatus, visitKey } from '../../../src/lib/assign/status';
import { emptyProgress } from '../../../src/lib/progress/schema';

const a: Assignment = {
  title: '作业',
  due: '',
  notes: '',
  items: [
    { k: 'sec', id: 'sec-4-2' },
    { k: 'para', id: 'p-0abc123', ch: 4 },
    { k: 'ex', id: 'ex-4-1' },
    { k: 'task', id: 'ex-3-4' },
  ],
};

describe('assignment status and receipt', () => {
  it('fills the checklist from progress: read, opened, answered correctly, task done', () => {
    const p = emptyProgress();
    expect(assignmentStatus(a, p).map((s) => s.done)).toEqual([false, false, false, false]);
    p.sections['sec-4-2'] = { how: 'scroll', at: '2026-11-01T00:00:00Z' };
    p.tasks[visitKey('p-0abc123')] = '2026-11-01T00:01:00Z';
    p.exercises['ex-4-1'] = { attempts: 3, correct: true, at: '2026-11-01T00:02:00Z' };
    p.tasks['ex-3-4'] = '2026-11-01T00:03:00Z';
    const s = assignmentStatus(a, p);
    expect(s.map((x) => x.done)).toEqual([true, true, true, true]);
    expect(s[2]).toMatchObject({ attempts: 3, at: '2026-11-01T00:02:00Z' });
  });

  it('a wrong answer is not done, but its attempts count', () => {
    const p = emptyProgress();
    p.exercises['ex-4-1'] = { attempts: 2, correct: false, at: '2026-11-01T00:02:00Z' };
    expect(assignmentStatus(a, p)[2]).toMatchObject({ done: false, attempts: 2 });
  });

  it('the checksum verifies the receipt as made, and fails once anything is edited', async () => {
    const p = emptyProgress();
    p.sections['sec-4-2'] = { how: 'manual', at: '2026-11-01T00:00:00Z' };
    const r = await makeReceipt(a, 'https://example.test/assignment/#a=1.x', assignmentStatus(a, p), new Date('2026-11-02T00:00:00Z'));
    expect(r.summary).toEqual({ done: 1, total: 4 });
    expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyReceipt(r)).toBe(true);
    expect(await verifyReceipt({ ...r, summary: { done: 4, total: 4 } })).toBe(false);
    expect(r.disclaimer).toContain('不能防止篡改');
  });
});

describe('item links', () => {
  it('point at the section, or at the page for a chapter without numbered sections', async () => {
    const { itemHref } = await import('../../../src/lib/assign/links');
    expect(itemHref('/', { k: 'sec', id: 'sec-4-2' })).toBe('/chapter-04/#sec-4-2');
    expect(itemHref('/', { k: 'sec', id: 'sec-6' })).toBe('/chapter-06/');
    expect(itemHref('/', { k: 'task', id: 'ex-3-4', preset: 'train.lr=3' })).toBe('/chapter-03/#train.lr=3');
    expect(itemHref('/', { k: 'ex', id: 'ex-10-2' })).toBe('/chapter-10/#ex-10-2-title');
    expect(itemHref('/', { k: 'sec', id: 'sec-A-3' })).toBe('/appendix-a/#sec-A-3');
    expect(itemHref('/book/', { k: 'ex', id: 'ex-A-1' })).toBe('/book/appendix-a/#ex-A-1-title');
  });
});
