/**
 * The book must contain every sentence, list item, formula line and code line of the
 * article, word for word. The article lives in ../shared/article/source.md beside the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookPart, normalize, plainLines, sentences } from '../../../src/lib/book/text';
import { CONTENT_DIR, contentFiles } from '../book/frontmatter';

const SOURCE = join(process.cwd(), '..', 'shared', 'article', 'source.md');
const source = existsSync(SOURCE) ? readFileSync(SOURCE, 'utf8') : '';
const book = normalize(
  contentFiles()
    .map((f) => plainLines(readFileSync(join(CONTENT_DIR, f), 'utf8')).join('\n'))
    .join('\n'),
);
const articleSentences = sentences(plainLines(bookPart(source)));

describe('fidelity to the article', () => {
  it('finds the article beside the repository', () => {
    expect(source, `missing ${SOURCE}`).not.toBe('');
    expect(articleSentences.length).toBeGreaterThan(150);
  });

  it('contains every sentence, list item, formula and code line unchanged', () => {
    const missing = articleSentences.filter((s) => !book.includes(normalize(s)));
    expect(missing).toEqual([]);
  });

  it('leaves out the note to the commissioner below the dashed line', () => {
    expect(book).not.toContain('这篇文章严格遵循了您提供的');
  });

  it('keeps the author line at the end of chapter 11', () => {
    const ch11 = readFileSync(join(CONTENT_DIR, 'chapter-11.mdx'), 'utf8').trim();
    expect(ch11.endsWith('作者：禅与计算机程序设计艺术 / Zen and the Art of Computer Programming。</p>')).toBe(true);
  });
});
