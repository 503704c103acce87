/**
 * Bytes each built page costs a reader at load, gzip-compressed: its HTML, the stylesheets it
 * links, and the JavaScript it runs (script tags plus their static imports; dynamic import()s
 * such as Pagefind's search UI load later, on demand, and are not counted).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  htmlGz: number;
  cssGz: number;
  jsGz: number;
}

const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;
/** `import x from "./a.js"`, `import "./a.js"`, `export … from "./a.js"`; not `import("./a.js")`. */
export const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

/** dist path for a root-relative URL like /_astro/x.js (resolved against the importing file). */
function distPath(dist: string, url: string, from = '/'): string {
  return join(dist, new URL(url, `http://site${from}`).pathname);
}

function jsClosure(dist: string, entries: string[]): number {
  const seen = new Set<string>();
  const queue = [...entries];
  let total = 0;
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(distPath(dist, url));
    total += gz(code);
    for (const m of code.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(new URL(m[1], `http://site${url}`).pathname);
  }
  return total;
}

export function pageWeights(dist: string): PageWeight[] {
  return htmlFiles(dist)
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
      const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      for (const code of inline) for (const m of code.matchAll(STATIC_IMPORT)) scripts.push(m[1]);
      const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
      return {
        page,
        htmlGz: gz(html),
        cssGz: css.reduce((n, href) => n + gz(readFileSync(distPath(dist, href, page))), 0) + (inlineCss ? gz(inlineCss) : 0),
        jsGz: jsClosure(dist, scripts.map((s) => new URL(s, `http://site${page}`).pathname)) + (inline.length ? gz(inline.join('\n')) : 0),
      };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}
