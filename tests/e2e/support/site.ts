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
  n: number;
  path: string;
  title: string;
  /** Section numbers, by the book's one section-heading rule, e.g. ['4.1', '4.2', '4.3']. */
  sections: string[];
  /** Their anchors, e.g. ['sec-4-1', 'sec-4-2', 'sec-4-3']. */
  sectionIds: string[];
  /** Whether the MDX imports a component (an interactive widget section) from src/components/. */
  widgets: boolean;
}

export const chapters: Chapter[] = readdirSync(CONTENT)
  .filter((f) => /^chapter-\d+\.mdx$/.test(f))
  .sort()
  .map((f) => {
    const text = readFileSync(join(CONTENT, f), 'utf8');
    return {
      n: Number(f.match(/\d+/)![0]),
      path: `/${f.replace('.mdx', '')}/`,
      title: text.match(/^title:\s*(.*)$/m)![1],
      sections: sectionHeadings(text).map((h) => h.number),
      sectionIds: sectionHeadings(text).map((h) => h.id),
      widgets: /^import \w+ from '\.\.\/src\/components\//m.test(text),
    };
  });

export const allPages = ['/', ...chapters.map((c) => c.path), '/404.html'];

export type Theme = 'light' | 'dark';

/** Starts the page in a theme the way a returning reader would (Starlight reads localStorage). */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}
