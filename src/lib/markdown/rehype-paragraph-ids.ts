/**
 * Gives every paragraph, list item, formula and figure a stable id derived from its own text
 * (`p-` + a hash), so an instructor can link to "§4.2, the third paragraph" and the link keeps
 * working when other paragraphs of the chapter are edited. Each gets a small "#" link that
 * appears on hover and on keyboard focus; opening such a link highlights the target (CSS :target).
 * Formulas keep their numbered `eq-4-N` id and gain a content id on an inner anchor.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit, SKIP } from 'unist-util-visit';

/** FNV-1a, 32 bits, in base 36: short, stable, and plenty for a chapter's few hundred blocks. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

const hasClass = (el: Element, name: string) => Array.isArray(el.properties.className) && el.properties.className.includes(name);
const BLOCK = new Set(['p', 'ul', 'ol', 'div', 'figure', 'pre', 'table']);

/** What kind of linkable block this is, by its prefix, or null. */
function kind(el: Element): 'p' | 'f' | 'm' | null {
  if (el.tagName === 'p') return 'p';
  if (el.tagName === 'li' && !el.children.some((c) => c.type === 'element' && BLOCK.has(c.tagName))) return 'p';
  if (el.tagName === 'figure' && hasClass(el, 'diagram')) return 'f';
  if (el.tagName === 'div' && hasClass(el, 'equation')) return 'm';
  return null;
}

const link = (id: string, label: string): ElementContent => ({
  type: 'element',
  tagName: 'a',
  properties: { className: ['para-link'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: '' },
  children: [{ type: 'text', value: '#' }],
});

const LABEL = { p: '本段链接', f: '本图链接', m: '本公式链接' };

export default function rehypeParagraphIds() {
  return function transformer(tree: Root): void {
    const seen = new Map<string, number>();
    visit(tree, 'element', (el) => {
      // Diagram labels are <p>s inside SVG; hidden copies (the other theme's diagram) get no links.
      if (el.tagName === 'svg' || el.properties.ariaHidden === 'true' || el.properties.ariaHidden === true) return SKIP;
      const k = kind(el);
      if (!k) return;
      const base = `${k}-${contentHash(toText(el))}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const id = n === 1 ? base : `${base}-${n}`; // the same text twice in a chapter
      if (k === 'm') el.children.unshift({ type: 'element', tagName: 'span', properties: { id, className: ['anchor-target'] }, children: [] });
      else el.properties.id ??= id;
      el.children.push(link(k === 'm' ? id : String(el.properties.id), LABEL[k]));
      return SKIP; // nothing inside a linked block gets a link of its own
    });
  };
}
