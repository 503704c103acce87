/**
 * Search finds the pages that show a word: for every glossary term, the pages pagefind returns
 * include at least 90 % of the pages whose own visible text contains it (support/page-text.ts).
 */
import { expect, test } from '@playwright/test';
import { GLOSSARY } from './support/glossary';
import { searchablePages } from './support/page-text';
import { DIST } from './support/site';
import { searchRecall } from './support/search-recall';

test('the glossary terms occur in the book (the recall test has something to check)', () => {
  const pages = searchablePages(DIST);
  expect(pages.size).toBeGreaterThanOrEqual(12);
  for (const term of GLOSSARY) expect([...pages.values()].some((t) => t.includes(term)), term).toBe(true);
});

test('search finds ≥ 90 % of the pages showing each glossary term', async ({ page }) => {
  const misses = await searchRecall(page, DIST, '/');
  expect(misses).toEqual([]);
});
