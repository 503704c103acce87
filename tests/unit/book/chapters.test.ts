import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendixSlugs, chapterSlugs, sortChapters } from '../../../src/lib/book/chapters';
import { CONTENT_DIR, frontmatterOf } from './frontmatter';

describe('chapterSlugs', () => {
  it('orders chapter files numerically and ignores other pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    for (const f of ['chapter-10.mdx', 'index.mdx', 'chapter-02.mdx', 'chapter-01.mdx', '_draft.mdx']) writeFileSync(join(dir, f), '');
    expect(chapterSlugs(dir)).toEqual(['chapter-01', 'chapter-02', 'chapter-10']);
  });
  it('lists the book’s 11 chapters, each file named after its chapter number', () => {
    const slugs = chapterSlugs(CONTENT_DIR);
    expect(slugs).toHaveLength(11);
    slugs.forEach((slug, i) => {
      expect(frontmatterOf(`${slug}.mdx`).chapter).toBe(i + 1);
      expect(String(frontmatterOf(`${slug}.mdx`).title)).toMatch(new RegExp(`^${i + 1}\\. `));
    });
  });
});

describe('appendixSlugs', () => {
  it('lists appendix files in letter order and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    for (const f of ['appendix-b.mdx', 'chapter-01.mdx', 'appendix-a.mdx', 'appendix-AA.mdx', 'index.mdx']) writeFileSync(join(dir, f), '');
    expect(appendixSlugs(dir)).toEqual(['appendix-a', 'appendix-b']);
  });
  it('has 附录 A after the 11 chapters, its letter matching its file name and title', () => {
    const slugs = appendixSlugs(CONTENT_DIR);
    expect(slugs).toContain('appendix-a');
    slugs.forEach((slug, i) => {
      const fm = frontmatterOf(`${slug}.mdx`);
      const letter = slug.slice(-1).toUpperCase();
      expect(fm.appendix).toBe(letter);
      expect(fm.chapter).toBe(12 + i);
      expect(String(fm.title)).toMatch(new RegExp(`^附录 ${letter}：`));
    });
  });
});

describe('sortChapters', () => {
  it('drops the landing page and sorts by chapter number', () => {
    const entries = [3, 0, 1, 2].map((chapter) => ({ id: `c${chapter}`, data: { chapter } }));
    expect(sortChapters(entries).map((e) => e.id)).toEqual(['c1', 'c2', 'c3']);
  });
});
