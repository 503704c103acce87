/** What the e2e specs need to know about the book, read from content/ and dist/ at test time. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { sectionHeadings } from '../../../src/lib/book/outline';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
const CONTENT = join(ROOT, 'content');

export interface Chapter {
  /** The `chapter` frontmatter: 1–11 for the article's chapters, then the appendices (12, …). */
  n: number;
  path: string;
  title: string;
  /** Section numbers, by the book's one section-heading rule, e.g. ['4.1', '4.2', '4.3'] or ['A.1', …]. */
  sections: string[];
  /** Their anchors, e.g. ['sec-4-1', 'sec-4-2', 'sec-4-3']. */
  sectionIds: string[];
  /** Whether the MDX imports a component (an interactive widget section) from src/components/. */
  widgets: boolean;
}

/** The pages of content/ whose file names match `file`, in file-name order. */
const readParts = (file: RegExp): Chapter[] =>
  readdirSync(CONTENT)
    .filter((f) => file.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(CONTENT, f), 'utf8');
      return {
        n: Number(text.match(/^chapter:\s*(\d+)$/m)![1]),
        path: `/${f.replace('.mdx', '')}/`,
        title: text.match(/^title:\s*(.*)$/m)![1],
        sections: sectionHeadings(text).map((h) => h.number),
        sectionIds: sectionHeadings(text).map((h) => h.id),
        widgets: /^import \w+ from '\.\.\/src\/components\//m.test(text),
      };
    });

/** The article's chapters, 1–11. */
export const chapters: Chapter[] = readParts(/^chapter-\d+\.mdx$/);
/** The editors' appendices after them (附录 A, …), which are not the article's text. */
export const appendices: Chapter[] = readParts(/^appendix-[a-z]\.mdx$/);
/** Every page of the book in reading order: the chapters, then the appendices. */
export const parts: Chapter[] = [...chapters, ...appendices];

export const allPages = ['/', ...parts.map((c) => c.path), '/404.html'];

export type Theme = 'light' | 'dark';

/** Starts the page in a theme the way a returning reader would (Starlight reads localStorage). */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}
