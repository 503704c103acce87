/**
 * Chapter pages without widgets load only Starlight's own JavaScript at page load: no Svelte
 * runtime, TF.js, mermaid or KaTeX. Counted: <script> tags and everything they import
 * statically. Not counted: dynamic import()s, i.e. Pagefind's search UI, which Starlight
 * fetches when the browser is idle.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { STATIC_IMPORT } from '../../scripts/bench/weights';
import { chapters } from './support/site';

const BUDGET_GZIP = 15 * 1024;
const FOREIGN = /svelte|tfjs|tensorflow|mermaid|katex/i;

for (const ch of chapters) {
  test(`${ch.path} loads only Starlight's JavaScript (≤ 15 KB gzip) unless it has widgets`, async ({ page }) => {
    const bodies = new Map<string, Buffer>();
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') bodies.set(res.url(), await res.body());
    });
    await page.goto(ch.path);
    await page.waitForLoadState('networkidle');
    // Pages with widgets hydrate them when they scroll near; TF.js still waits for first use.
    if ((await page.locator('astro-island').count()) > 0) {
      expect([...bodies.keys()].filter((u) => /tf-runtime|tfjs|tensorflow/.test(u))).toEqual([]);
      return;
    }
    expect([...bodies.keys()].filter((u) => FOREIGN.test(u))).toEqual([]);

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
    const external = [...loaded].reduce((n, u) => n + gzipSync(bodies.get(u)!).length, 0);
    const total = external + gzipSync(inline.join('\n')).length;
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
  });
}
