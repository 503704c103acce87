import type { Element, Root, RootContent } from 'hast';

/**
 * Starlight's search button shows "搜索" and a "Ctrl K" hint, but its accessible name is only
 * "搜索". WCAG 2.5.3 (label in name; axe's label-content-name-mismatch) wants the visible text
 * inside the name, so append the hint's text to aria-label: "搜索 Ctrl K". The keys also get a
 * space between them (`<kbd>Ctrl</kbd> <kbd>K</kbd>`; the flex layout hides it) so the visible
 * text reads "Ctrl K" rather than "CtrlK".
 * Returns the markup unchanged when there is no such button.
 */
export function nameIncludesShortcut(html: string): string {
  const match = html.match(/<button([^>]*data-open-modal[^>]*)>([\s\S]*?)<\/button>/);
  if (!match || match.index === undefined) return html;
  const [whole, attrs, inner] = match;
  const hint = inner.match(/<kbd[^>]*>([\s\S]*)<\/kbd>/)?.[1];
  const label = attrs.match(/aria-label="([^"]*)"/)?.[1];
  if (!hint || label === undefined) return html;
  const hintText = hint
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const button = whole.replace(`aria-label="${label}"`, `aria-label="${label} ${hintText}"`).replace(/<\/kbd><kbd/g, '</kbd> <kbd');
  return html.slice(0, match.index) + button + html.slice(match.index + whole.length);
}

/*
 * Pagefind drops some elements from the index entirely (it skips <svg>, <form> and <label>), so
 * text a reader sees there (a diagram's labels, an exercise's options) would not be found. Such
 * text gets a second, hidden copy outside those elements: one list item per label, so adjacent
 * labels keep a word boundary between them (glued together, the Chinese segmenter would cut
 * them differently from the query).
 */

/** Class of the hidden lists that carry such text into the search index. */
export const SEARCH_COPY_CLASS = 'search-copy';

type Node = Root | RootContent;

function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/**
 * The text labels of an inline SVG diagram as hast (Mermaid's HTML labels in <foreignObject>,
 * plain SVG <text> elsewhere), in document order, each with line breaks and runs of white space
 * collapsed to one space; empty labels are left out. <title> and <desc> are not labels.
 */
export function diagramLabels(root: Node): string[] {
  const labels: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'element') {
      if (['title', 'desc', 'style'].includes(node.tagName)) return;
      if (node.tagName === 'foreignObject' || node.tagName === 'text') {
        const text = textOf(node).replace(/\s+/g, ' ').trim();
        if (text) labels.push(text);
        return;
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(root);
  return labels;
}

/** A hidden `<ul class="search-copy">` (hast) with one item per text, for the search index only. */
export function searchCopy(texts: string[]): Element {
  return {
    type: 'element',
    tagName: 'ul',
    properties: { hidden: true, className: [SEARCH_COPY_CLASS] },
    children: texts.map((value) => ({ type: 'element', tagName: 'li', properties: {}, children: [{ type: 'text', value }] })),
  };
}
