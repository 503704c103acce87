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
  for (const term of GLOSSARY)
    expect(
      [...pages.values()].some((t) => t.includes(term)),
      term,
    ).toBe(true);
});

test('search finds ≥ 90 % of the pages showing each glossary term', async ({ page }) => {
  test.slow(); // one search per term, each loading index chunks and fragments
  const misses = await searchRecall(page, DIST, '/');
  expect(misses).toEqual([]);
});

test('the label and option lists kept for search are hidden from readers', async ({ page }) => {
  for (const path of ['/chapter-04/', '/chapter-11/']) {
    await page.goto(path);
    const copies = page.locator('.search-copy');
    expect(await copies.count(), path).toBeGreaterThan(0);
    for (const copy of await copies.all()) await expect(copy).toBeHidden();
  }
});
