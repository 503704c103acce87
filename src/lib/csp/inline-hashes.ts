/**
 * Hashes of the inline code in a built HTML page, for its Content Security Policy: every
 * `<script>` without `src` whose type the browser runs (classic, module, import map,
 * speculation rules; not JSON data blocks) and every `<style>` element, including those inside
 * inline SVG. A browser hashes an element's child text content as the HTML parser produced it;
 * parsing with hast (parse5, the same algorithm as browsers) gives exactly that text, with
 * line endings normalised and, in SVG, entities decoded.
 */
import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import type { PageHashes } from './policy';

/** Script types whose inline bodies CSP governs; any JavaScript MIME type is added by pattern. */
const HASHED_SCRIPT_TYPES = new Set(['', 'module', 'importmap', 'speculationrules']);
const JS_MIME = /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/;

/** The CSP source for `text`: `'sha256-<base64 of SHA-256 over its UTF-8 bytes>'` (CSP3 §8.4). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Whether a `<script>` element's inline body is code the browser would run. */
export function isExecutableScript(el: Element): boolean {
  if (el.properties.src !== undefined) return false;
  const type = String(el.properties.type ?? '')
    .trim()
    .toLowerCase();
  return HASHED_SCRIPT_TYPES.has(type) || JS_MIME.test(type);
}

function childText(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}

function walk(node: Root | RootContent, visit: (el: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
  if (node.type === 'element' && node.content) walk(node.content, visit);
}

/** The distinct hashes of `html`'s inline scripts and styles, in document order. */
export function inlineHashes(html: string): PageHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  walk(fromHtml(html), (el) => {
    if (el.tagName === 'script' && isExecutableScript(el)) scripts.add(cspHash(childText(el)));
    else if (el.tagName === 'style') styles.add(cspHash(childText(el)));
  });
  return { scripts: [...scripts], styles: [...styles] };
}
