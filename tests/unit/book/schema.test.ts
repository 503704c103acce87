import { describe, expect, it } from 'vitest';
import { bookFrontmatter } from '../../../src/lib/book/schema';
import { contentFiles, frontmatterOf } from './frontmatter';

const valid = { chapter: 4, summary: '神经网络的数学模型与公式。' };

describe('bookFrontmatter', () => {
  it('accepts a chapter number and a one-line summary', () => {
    expect(bookFrontmatter.safeParse(valid).success).toBe(true);
  });
  it('rejects a missing chapter number', () => {
    expect(bookFrontmatter.safeParse({ summary: valid.summary }).success).toBe(false);
  });
  it('rejects a fractional chapter number', () => {
    expect(bookFrontmatter.safeParse({ ...valid, chapter: 4.5 }).success).toBe(false);
  });
  it('accepts an appendix after the chapters with its capital letter', () => {
    expect(bookFrontmatter.safeParse({ ...valid, chapter: 12, appendix: 'A' }).success).toBe(true);
  });
  it('rejects an appendix letter that is not one capital letter', () => {
    for (const appendix of ['a', 'AB', '1', '']) expect(bookFrontmatter.safeParse({ ...valid, chapter: 12, appendix }).success).toBe(false);
  });
  it('rejects a summary over one line', () => {
    expect(bookFrontmatter.safeParse({ ...valid, summary: '第一行很长很长\n第二行' }).success).toBe(false);
  });
  it('rejects an empty summary', () => {
    expect(bookFrontmatter.safeParse({ ...valid, summary: '  ' }).success).toBe(false);
  });
});

describe('content frontmatter', () => {
  it.each(contentFiles())('%s satisfies the schema and has a title', (file) => {
    const fm = frontmatterOf(file);
    expect(bookFrontmatter.safeParse(fm).error).toBeUndefined();
    expect(typeof fm.title).toBe('string');
  });
});
