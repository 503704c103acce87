/**
 * Bytes each built page costs a reader at load, gzip-compressed (zlib's default level, as a
 * server compresses on the fly, and as tests/e2e/page-weight.spec.ts counts): its HTML, the
 * stylesheets it links, print ones included (plus <style> in <head>), and the JavaScript it runs at load: <script src>,
 * inline scripts, and everything those import statically, transitively. Dynamic import()s
 * (Pagefind's search UI, islands that hydrate when visible or on interaction) load later, on
 * demand, and are not counted; islands with client:load hydrate at once, so theirs are.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes after gzip; snake_case because these are the column names of the report and its JSON. */
export interface PageWeight {
  page: string;
  html_gz: number;
  css_gz: number;
  js_gz: number;
}

/** `import x from "./a.js"`, `import "./a.js"`, `export … from "./a.js"`; not `import("./a.js")`. */
export const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

const gz = (buf: Buffer | string) => gzipSync(buf).length;
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** Attributes of every `<tag …>` in the HTML, any order, quoted or not (a tokenizer is overkill for built output). */
function tags(html: string, tag: string, withBody = false): { attrs: Record<string, string>; body: string }[] {
  const re = new RegExp(`<${tag}\\b([^>]*)>${withBody ? `([\\s\\S]*?)</${tag}>` : ''}`, 'gi');
  return [...html.matchAll(re)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    return { attrs, body: m[2] ?? '' };
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

/** Site path of `url` as seen from page or module `from`; null for other origins (not in dist/). */
function sitePath(url: string, from: string): string | null {
  const u = new URL(url, `http://site${from}`);
  return u.host === 'site' ? decodeURIComponent(u.pathname) : null;
}

/** gzip bytes of the given modules and of everything they import statically. */
function jsClosure(dist: string, entries: string[]): number {
  const seen = new Set<string>();
  const queue = [...entries];
  let total = 0;
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = join(dist, path);
    if (!existsSync(file)) throw new Error(`${path} is referenced but not in ${dist}/`);
    const code = readFileSync(file);
    total += gz(code);
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      const next = sitePath(m[1], path);
      if (next) queue.push(next);
    }
  }
  return total;
}

function weigh(dist: string, file: string): PageWeight {
  const html = readFileSync(file, 'utf8');
  const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
  const at = (url: string) => sitePath(url, page);

  const css = tags(html, 'link').filter((l) => l.attrs.rel?.split(/\s+/).includes('stylesheet') && l.attrs.href);
  // <style> in <head> is the site's own CSS that Astro inlined for being small (inlineStylesheets:
  // 'auto'); <style> in <body> belongs to content (diagram SVGs), so only html_gz counts it.
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')));
  const inlineCss = tags(head, 'style', true)
    .map((s) => s.body)
    .join('\n');
  const cssFiles = css.map((l) => at(l.attrs.href)).filter((p): p is string => p !== null);
  const cssGz = cssFiles.reduce((n, p) => n + gz(readFileSync(join(dist, p))), 0) + (inlineCss ? gz(inlineCss) : 0);

  const scripts = tags(html, 'script', true).filter((s) => JS_TYPES.has((s.attrs.type ?? '').toLowerCase()));
  const inline = scripts.filter((s) => !('src' in s.attrs)).map((s) => s.body);
  const entries = scripts.filter((s) => s.attrs.src).map((s) => s.attrs.src);
  for (const code of inline) for (const m of code.matchAll(STATIC_IMPORT)) entries.push(m[1]);
  // Fetched at load even though nothing runs them yet.
  for (const l of tags(html, 'link')) if (l.attrs.rel === 'modulepreload' && l.attrs.href) entries.push(l.attrs.href);
  for (const island of tags(html, 'astro-island'))
    if (island.attrs.client === 'load') entries.push(island.attrs['component-url'], island.attrs['renderer-url']);
  const local = entries
    .filter(Boolean)
    .map(at)
    .filter((p): p is string => p !== null);
  const jsGz = jsClosure(dist, local) + (inline.length ? gz(inline.join('\n')) : 0);

  return { page, html_gz: gz(html), css_gz: cssGz, js_gz: jsGz };
}

export function pageWeights(dist: string): PageWeight[] {
  return htmlFiles(dist)
    .map((file) => weigh(dist, file))
    .sort((a, b) => a.page.localeCompare(b.page));
}
