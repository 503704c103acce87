/**
 * At page load, every page loads only Starlight's own JavaScript and Astro's island loader: no
 * Svelte runtime, TF.js, mermaid or KaTeX, at most 15 KB gzip. Counted: <script> tags and
 * everything they import statically. Not counted: dynamic import()s, i.e. islands hydrating on
 * visible/idle and Pagefind's search UI, which Starlight fetches when the browser is idle.
 */
import { expect, test, type Page } from '@playwright/test';
import { TARGET } from '../../scripts/bench/report';
import { pageWeights, STATIC_IMPORT } from '../../scripts/bench/weights';
import { allPages, DIST, parts } from './support/site';

const weights = pageWeights(DIST);
/** Bundles that must not load with any page (islands bring them later), by file name or by what is inside. */
const FOREIGN_NAME = /svelte|tfjs|tensorflow|tf-runtime|mermaid|katex/i;
const FOREIGN_CODE = /svelte\.dev\/e\/|@tensorflow|tfjs|mermaid|katex/i;
const foreign = (bodies: Map<string, Buffer>) =>
  [...bodies].filter(([url, body]) => FOREIGN_NAME.test(url) || FOREIGN_CODE.test(body.toString('utf8'))).map(([url]) => url);

/** Records every script response of the page, by URL. */
function recordScripts(page: Page): Map<string, Buffer> {
  const bodies = new Map<string, Buffer>();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') bodies.set(res.url(), await res.body());
  });
  return bodies;
}

// Pages whose MDX places a widget hydrate it when it scrolls near; TF.js still waits for first use.
for (const ch of parts.filter((c) => c.widgets)) {
  test(`${ch.path} (with widgets) loads no TF.js before the reader uses a widget`, async ({ page }) => {
    const bodies = recordScripts(page);
    await page.goto(ch.path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('astro-island').first()).toBeAttached();
    expect([...bodies.keys()].filter((u) => /tf-runtime|tfjs|tensorflow/.test(u))).toEqual([]);
  });
}

// Every page, with widgets or not: what loads with the page is Starlight's JavaScript and Astro's
// island loader. Islands hydrate later (visible, idle) and are not counted; so /assignment/, whose
// view hydrates at idle, is measured like a chapter. The budget is issue 12's, also in bench:site.
const LOAD_PAGES = [...allPages.filter((p) => p !== '/404.html'), '/assignment/'];
for (const path of LOAD_PAGES) {
  test(`${path} loads at most 15 KB gzip of JavaScript with the page, none of it Svelte, TF.js, Mermaid or KaTeX`, async ({ page }) => {
    const bodies = recordScripts(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');

    const queue = await page.locator('script[src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
    const inline = await page.locator('script:not([src])').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    for (const code of inline) for (const m of code.matchAll(STATIC_IMPORT)) queue.push(new URL(m[1], page.url()).href);
    const loaded = new Set<string>();
    while (queue.length) {
      const url = queue.pop()!;
      if (loaded.has(url)) continue;
      loaded.add(url);
      const body = bodies.get(url) ?? (await (await page.request.get(url)).body());
      bodies.set(url, body);
      for (const m of body.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(new URL(m[1], url).href);
    }
    expect(loaded.size).toBeGreaterThan(0);
    expect(foreign(new Map([...loaded].map((u) => [u, bodies.get(u)!])))).toEqual([]);
    // The size by bench:site's own rule (scripts/bench/weights.ts), from the built HTML.
    const weight = weights.find((w) => w.page === path);
    expect(weight, `${path} is in dist/`).toBeDefined();
    expect(weight!.js_gz).toBeLessThanOrEqual(TARGET.jsGz);
  });
}
