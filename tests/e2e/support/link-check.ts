/**
 * Link checker over a build: every internal href, #anchor, src and srcset in a dist folder must
 * resolve to a file that exists and, for anchors, to an element with that id. `base` is the
 * path the site is served under ("/" or e.g. "/book/"): a link must stay under it, and the
 * rest of its path names a file in the dist folder, as `astro preview --base` would serve it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

/** dist file that serves a URL path (already without the base), as `astro preview` would. */
function fileFor(dist: string, pathname: string): string | undefined {
  const p = join(dist, decodeURIComponent(pathname));
  for (const candidate of [p, join(p, 'index.html'), `${p}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function references(html: string): string[] {
  const attrs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
  const srcsets = [...html.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s+/)[0]));
  return [...attrs, ...srcsets].filter((u) => u && !/^(https?:|mailto:|data:|javascript:)/.test(u));
}

export interface LinkReport {
  /** "<page URL path> <reference>" for every reference seen, the page path including the base. */
  checked: string[];
  /** "<file>: <reference> (<why>)" for every reference that does not resolve. */
  broken: string[];
}

/** Checks every page in `dist`, served under `base` (a path with one trailing slash). */
export function checkLinks(dist: string, base = '/'): LinkReport {
  const ids = new Map<string, Set<string>>();
  const idsIn = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
    return ids.get(file)!;
  };
  const report: LinkReport = { checked: [], broken: [] };
  for (const file of htmlFiles(dist)) {
    const pagePath = `${base}${relative(dist, file).replace(/index\.html$/, '')}`;
    const where = relative(dist, file);
    for (const ref of references(readFileSync(file, 'utf8'))) {
      report.checked.push(`${pagePath} ${ref}`);
      const url = new URL(ref.replace(/&amp;/g, '&'), `http://book${pagePath}`);
      if (!url.pathname.startsWith(base)) {
        report.broken.push(`${where}: ${ref} (outside ${base})`);
        continue;
      }
      const target = fileFor(dist, url.pathname.slice(base.length - 1));
      if (!target) {
        report.broken.push(`${where}: ${ref} (no file)`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && !idsIn(target).has(id)) report.broken.push(`${where}: ${ref} (no #${id})`);
    }
  }
  return report;
}
