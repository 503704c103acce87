/**
 * Search recall over a built site: for each glossary term, which pages show it (page-text.ts)
 * and which of those pagefind's own JS API returns, run in the page as the search box does.
 */
import type { Page } from '@playwright/test';
import { GLOSSARY } from './glossary';
import { searchablePages } from './page-text';

/** Pages shown per term must be found at this rate or better. */
export const MIN_RECALL = 0.9;

/**
 * Opens `base` (the site's root URL path, e.g. "/" or "/book/"), searches every glossary term
 * with `${base}pagefind/pagefind.js`, and returns one line per term whose recall is under
 * MIN_RECALL, naming the pages missed. Paths are compared without the base.
 */
export async function searchRecall(page: Page, dist: string, base: string): Promise<string[]> {
  const pages = searchablePages(dist);
  await page.goto(base);
  const found = await page.evaluate(
    async ({ base, terms }) => {
      const pf = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
      const out: Record<string, string[]> = {};
      for (const term of terms) {
        const { results } = await pf.search(term);
        const data = await Promise.all(results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
        out[term] = data.map((d) => new URL(d.url, location.href).pathname);
      }
      return out;
    },
    { base, terms: [...GLOSSARY] },
  );
  const misses: string[] = [];
  for (const term of GLOSSARY) {
    const shown = [...pages].filter(([, text]) => text.includes(term)).map(([path]) => path);
    const hits = new Set(found[term].map((p) => `/${p.slice(base.length)}`));
    const missed = shown.filter((p) => !hits.has(p));
    if (shown.length && (shown.length - missed.length) / shown.length < MIN_RECALL) {
      misses.push(`${term}: found ${shown.length - missed.length}/${shown.length}, missed ${missed.join(' ')}`);
    }
  }
  return misses;
}
