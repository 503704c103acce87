/**
 * A built page's own text as a reader sees it, read from the HTML in a dist folder: the
 * `data-pagefind-body` element (the page's content, without the site's header and sidebar),
 * minus what is not shown (script, style, template, noscript, [hidden], KaTeX's MathML copy)
 * and minus what the book deliberately keeps out of search ([data-pagefind-ignore]: widget
 * controls, formula blocks, the dark copy of each diagram, the cover's chapter list), and minus
 * the page's <footer> (the 上一页/下一页 links, which name the neighbouring pages): Pagefind
 * leaves it out of the index, so a word there does not make the page one that shows it.
 * Blocks are joined with line breaks (hast-util-to-text follows innerText).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

const UNSEEN = new Set(['script', 'style', 'template', 'noscript', 'footer']);

function unseen(node: Element): boolean {
  const p = node.properties ?? {};
  const classes = Array.isArray(p.className) ? p.className : [];
  return UNSEEN.has(node.tagName) || p.hidden !== undefined || p.dataPagefindIgnore !== undefined || classes.includes('katex-mathml');
}

function prune(node: Root | Element): void {
  node.children = node.children.filter((c) => c.type !== 'element' || !unseen(c));
  for (const child of node.children) if (child.type === 'element') prune(child);
}

function findBody(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.properties?.dataPagefindBody !== undefined) return child;
    const found = findBody(child);
    if (found) return found;
  }
  return undefined;
}

/** The visible, searchable text of one HTML document, or undefined when it has no search body. */
export function searchableText(html: string): string | undefined {
  const body = findBody(fromHtml(html));
  if (!body) return undefined;
  prune(body);
  return toText(body);
}

/** URL path (without base) → searchable text, for every page in `dist` that has a search body. */
export function searchablePages(dist: string): Map<string, string> {
  const pages = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) {
        const text = searchableText(readFileSync(p, 'utf8'));
        if (text !== undefined) pages.set(`/${relative(dist, p).replace(/index\.html$/, '')}`, text);
      }
    }
  };
  walk(dist);
  return pages;
}
