/**
 * The book's reading order. Chapter files are named `chapter-NN.mdx`; the number in the
 * name must equal the `chapter` frontmatter (a unit test checks), so sorting names is enough.
 */
import { readdirSync } from 'node:fs';
import { APPENDIX_FILE } from './parts';

export const CHAPTER_FILE = /^chapter-(\d{2})\.mdx$/;

/** Starlight sidebar slugs in chapter order, e.g. ['chapter-01', …, 'chapter-11']. */
export function chapterSlugs(contentDir: string): string[] {
  return readdirSync(contentDir)
    .map((name) => name.match(CHAPTER_FILE))
    .filter((m): m is RegExpMatchArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => m[0].replace(/\.mdx$/, ''));
}

/** Starlight sidebar slugs of the editors' appendices (`appendix-a.mdx`, …), in letter order. */
export function appendixSlugs(contentDir: string): string[] {
  return readdirSync(contentDir)
    .filter((name) => APPENDIX_FILE.test(name))
    .sort()
    .map((name) => name.replace(/\.mdx$/, ''));
}

/** Chapters (chapter ≥ 1, appendices included) in reading order; the landing page (chapter 0) is left out. */
export function sortChapters<T extends { data: { chapter: number } }>(entries: T[]): T[] {
  return entries.filter((e) => e.data.chapter >= 1).sort((a, b) => a.data.chapter - b.data.chapter);
}
