/**
 * Link checker over the build: every internal href, #anchor, src and srcset in dist/ must
 * resolve to a file that exists and, for anchors, to an element with that id.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST } from './support/site';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

/** dist file that serves a URL path, as `astro preview` would. */
function fileFor(pathname: string): string | undefined {
  const p = join(DIST, decodeURIComponent(pathname));
  for (const candidate of [p, join(p, 'index.html'), `${p}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const idsCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  if (!idsCache.has(file)) {
    const html = readFileSync(file, 'utf8');
    idsCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  }
  return idsCache.get(file)!;
}

function references(html: string): string[] {
  const attrs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
  const srcsets = [...html.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s+/)[0]));
  return [...attrs, ...srcsets].filter((u) => u && !/^(https?:|mailto:|data:|javascript:)/.test(u));
}

test('the build has pages to check', () => {
  expect(htmlFiles(DIST).length).toBeGreaterThanOrEqual(13);
});

test('every internal link and anchor in dist/ resolves', () => {
  const broken: string[] = [];
  const checked: string[] = [];
  for (const file of htmlFiles(DIST)) {
    const pagePath = `/${relative(DIST, file).replace(/index\.html$/, '')}`;
    for (const ref of references(readFileSync(file, 'utf8'))) {
      checked.push(`${pagePath} ${ref}`);
      const url = new URL(ref.replace(/&amp;/g, '&'), `http://book${pagePath}`);
      const target = fileFor(url.pathname);
      if (!target) {
        broken.push(`${relative(DIST, file)}: ${ref} (no file)`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && !idsIn(target).has(id)) broken.push(`${relative(DIST, file)}: ${ref} (no #${id})`);
    }
  }
  // The checker did see the kinds of reference it is for: pages, same-page anchors, assets.
  expect(checked).toEqual(expect.arrayContaining(['/chapter-04/ #eq-4-3', '/chapter-01/ /chapter-02/']));
  expect(checked.some((c) => / \/_astro\/.+\.(css|js)$/.test(c))).toBe(true);
  expect(broken).toEqual([]);
});
