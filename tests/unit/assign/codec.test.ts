import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { assignmentCode, decodeAssignment, encodeAssignment, type Assignment } from '../../../src/lib/assign/codec';
import { ASSIGN_LIMITS } from '../../../src/lib/assign/limits';
import { checksum } from '../../../src/lib/url/checksum';

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
    expect(link.startsWith('2.')).toBe(true);
    expect(link.length).toBeLessThan(JSON.stringify(assignment).length * 2);
    expect(decodeAssignment(link, known)).toEqual({ ok: true, assignment, missing: [] });
  });

  it('list ids the book does not have as missing, keeping the rest', () => {
    const link = encodeAssignment({ ...assignment, items: [...assignment.items, { k: 'sec', id: 'sec-9-9' }, { k: 'ex', id: 'ex-99-1' }] });
    const d = decodeAssignment(link, known);
    expect(d.ok && d.missing).toEqual(['sec-9-9', 'ex-99-1']);
    expect(d.ok && d.assignment.items).toHaveLength(4);
  });

  it('carry an appendix’s sections and exercises (sec-A-1, ex-A-1) like a chapter’s', () => {
    const items = [
      { k: 'sec', id: 'sec-A-2' },
      { k: 'ex', id: 'ex-A-1' },
    ] as const;
    const book = { ...known, sections: new Set(['sec-A-2']), exercises: new Set(['ex-A-1']) };
    const d = decodeAssignment(encodeAssignment({ ...assignment, items: [...items] }), book);
    expect(d).toEqual({ ok: true, assignment: { ...assignment, items: [...items] }, missing: [] });
  });

  it('carry a paragraph of an appendix (its letter) and refuse a paragraph of a part that cannot exist', () => {
    const para = { k: 'para', id: 'p-0abc123', ch: 'A' } as const;
    expect(decodeAssignment(encodeAssignment({ ...assignment, items: [para] }), known)).toEqual({
      ok: true,
      assignment: { ...assignment, items: [para] },
      missing: [],
    });
    for (const ch of ['a', 'AB', 0, 100, 4.5]) expect(decodeAssignment(encodeAssignment({ ...assignment, items: [{ ...para, ch }] }), known).ok).toBe(false);
  });

  it('refuse an appendix id in lower case or with two letters', () => {
    for (const id of ['sec-a-1', 'ex-AB-1']) {
      const d = decodeAssignment(encodeAssignment({ ...assignment, items: [{ k: id.startsWith('sec') ? 'sec' : 'ex', id }] }), known);
      expect(d.ok).toBe(false);
    }
  });

  it('still read a valid version-1 link', () => {
    expect(decodeAssignment(raw(1, assignment), known)).toEqual({ ok: true, assignment, missing: [] });
  });

  it('refuse invalid encoding, an unknown version and an over-long payload with a message', () => {
    expect(decodeAssignment('1.%%%not-lz', known)).toMatchObject({ ok: false, message: expect.stringContaining('链接不完整或已损坏') });
    expect(decodeAssignment('garbage', known)).toMatchObject({ ok: false, message: expect.stringContaining('链接不完整或已损坏') });
    expect(decodeAssignment(raw(7, assignment), known)).toMatchObject({ ok: false, message: expect.stringContaining('第 7 版') });
    expect(decodeAssignment('1.' + 'A'.repeat(ASSIGN_LIMITS.maxEncoded + 1), known)).toMatchObject({ ok: false, message: expect.stringContaining('太长') });
  });

  it(`refuse more than ${ASSIGN_LIMITS.maxItems} items and accept exactly that many`, () => {
    const many = (n: number) => ({ ...assignment, items: Array.from({ length: n }, () => ({ k: 'sec', id: 'sec-4-2' }) as const) });
    expect(decodeAssignment(encodeAssignment(many(ASSIGN_LIMITS.maxItems)), known).ok).toBe(true);
    expect(decodeAssignment(encodeAssignment(many(ASSIGN_LIMITS.maxItems + 1)), known)).toMatchObject({
      ok: false,
      message: expect.stringContaining('不符合格式'),
    });
  });

  it('refuse a version-2 link whose checksum does not match its data', () => {
    const [, , data] = encodeAssignment(assignment).split('.');
    expect(decodeAssignment(`2.${checksum(data + 'x')}.${data}`, known)).toMatchObject({ ok: false, message: expect.stringContaining('链接不完整或已损坏') });
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

/** The page's fragment as the browser shows it, after a chat app or mail has had it. */
describe('assignment links that arrive damaged', () => {
  const code = encodeAssignment({ ...assignment, notes: '先读 4.2，再做练习。'.repeat(3) });
  const open = (hash: string) => decodeAssignment(assignmentCode(hash) ?? '', known);
  const whole = { ok: true, assignment: { ...assignment, notes: '先读 4.2，再做练习。'.repeat(3) }, missing: [] };

  it('has a + in it, so the cases below are real', () => {
    expect(code).toContain('+');
  });

  it.each([
    ['+ turned into a space', `#a=${code.replaceAll('+', ' ')}`],
    ['+ turned into %20', `#a=${code.replaceAll('+', '%20')}`],
    ['the fragment percent-encoded once more', `#${encodeURIComponent(`a=${code}`)}`],
    ...['。', '）', ')', '.'].map((tail) => [`a trailing ${tail}`, `#a=${code}${encodeURI(tail)}`]),
    ['a raw trailing 。）', `#a=${code}。）`],
  ])('loads the same assignment with %s', (_, hash) => {
    expect(open(hash)).toEqual(whole);
  });

  it.each([1, 5, 20])('is refused as incomplete when cut short by %i characters', (n) => {
    expect(open(`#a=${code.slice(0, -n)}`)).toEqual({ ok: false, message: expect.stringContaining('链接不完整或已损坏') });
  });

  it.each(['x', 'Zq', 'k2Zp9', '+$-'])('is refused as damaged with %s appended', (junk) => {
    expect(open(`#a=${code}${junk}`)).toEqual({ ok: false, message: expect.stringContaining('链接不完整或已损坏') });
  });

  it('finds no code in a fragment without a=, and never throws on a malformed one', () => {
    expect(assignmentCode('')).toBeNull();
    expect(assignmentCode('#sec-4-2')).toBeNull();
    expect(assignmentCode('#%E0%A4%A')).toBeNull();
    expect(open('#a=%E0%A4%A')).toEqual({ ok: false, message: expect.stringContaining('链接不完整或已损坏') });
  });
});
