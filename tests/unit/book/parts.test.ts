import { describe, expect, it } from 'vitest';
import { isAppendix, partLabel, partOfId, partPath } from '../../../src/lib/book/parts';

describe('the book’s parts: chapters by number, appendices by letter', () => {
  it('labels a chapter by its number and an appendix by its letter', () => {
    expect(partLabel({ chapter: 4 })).toBe('4');
    expect(partLabel({ chapter: 12, appendix: 'A' })).toBe('A');
  });

  it('tells an appendix label from a chapter label', () => {
    expect(isAppendix('A')).toBe(true);
    expect(isAppendix('4')).toBe(false);
    expect(isAppendix('a')).toBe(false);
  });

  it('puts a chapter at chapter-NN/ and an appendix at appendix-x/', () => {
    expect(partPath('4')).toBe('chapter-04/');
    expect(partPath('11')).toBe('chapter-11/');
    expect(partPath('A')).toBe('appendix-a/');
  });

  it('reads the part from section, formula and exercise ids', () => {
    expect(partOfId('sec-4-2')).toBe('4');
    expect(partOfId('sec-6')).toBe('6');
    expect(partOfId('ex-10-3')).toBe('10');
    expect(partOfId('eq-A-3')).toBe('A');
    expect(partOfId('ex-A-1')).toBe('A');
  });

  it('finds no part in ids that are not ours', () => {
    expect(partOfId('p-0abc123')).toBeUndefined();
    expect(partOfId('sec-a-1')).toBeUndefined();
    expect(partOfId('sec-04-1')).toBeUndefined();
  });
});
