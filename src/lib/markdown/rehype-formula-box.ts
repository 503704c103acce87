/**
 * Gives every KaTeX display formula the height it takes before it is laid out
 * (`contain-intrinsic-block-size: auto <h>em`, formula-box.ts), for book.css's
 * `content-visibility: auto` on display formulas. Runs after rehype-katex. An inline style, as
 * KaTeX's own markup uses (the CSP allows style attributes: csp/policy.ts).
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { displayHeightEm } from './formula-box';

export default function rehypeFormulaBox() {
  return function transformer(tree: Root): void {
    visit(tree, 'element', (el) => {
      if (!Array.isArray(el.properties.className) || !el.properties.className.includes('katex-display')) return;
      const em = displayHeightEm(el);
      if (em === undefined) return;
      const style = el.properties.style ? `${String(el.properties.style).replace(/;?\s*$/, ';')}` : '';
      el.properties.style = `${style}contain-intrinsic-block-size:auto ${em}em`;
    });
  };
}
