/**
 * Numbers display formulas per chapter, (4.1), (4.2), …, and per appendix, (A.1), (A.2), …, and
 * gives each an anchor `#eq-4-1`, `#eq-A-1` that prose and errata can link to. Runs after rehype-katex.
 * Only the article's own formulas are numbered: those inside an aside (the errata) are not.
 * All formulas are hidden from Pagefind so TeX source never reaches the index.
 * Every display formula's box, numbered or not, scrolls sideways on a narrow screen (book.css), so
 * it is also made a named, keyboard-focusable group (formulaRegion): a keyboard reader can then
 * tab to it and scroll it with the arrow keys (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { APPENDIX_LETTER } from '../book/parts';

const hasClass = (el: Element, name: string) => Array.isArray(el.properties.className) && el.properties.className.includes(name);

/**
 * The part's label from frontmatter (`appendix: A` → "A", else `chapter: 4` → 4), else from a
 * `chapter-04` file name (book/parts.ts).
 */
export function chapterOf(file: VFile): number | string | undefined {
  const fm = (file.data as { astro?: { frontmatter?: { chapter?: unknown; appendix?: unknown } } }).astro?.frontmatter;
  if (typeof fm?.chapter === 'number') {
    const appendix = typeof fm.appendix === 'string' && APPENDIX_LETTER.test(fm.appendix) ? fm.appendix : undefined;
    return appendix ?? fm.chapter;
  }
  const m = file.path?.match(/chapter-(\d+)/);
  return m ? Number(m[1]) : undefined;
}

/** The formula's anchor and printed number: (4, 3) → eq-4-3, "(4.3)"; ("A", 1) → eq-A-1, "(A.1)". */
export function equationLabel(chapter: number | string | undefined, index: number): { id: string; text: string } {
  const n = chapter === undefined ? `${index}` : `${chapter}.${index}`;
  return { id: `eq-${n.replace('.', '-')}`, text: `(${n})` };
}

/**
 * The accessible name of a display formula's scroll box: "公式 (4.3)" from its printed number
 * (equationLabel's `text`), or plain "公式" for an unnumbered one (the errata's).
 */
export function formulaName(number?: string): string {
  return number ? `公式 ${number}` : '公式';
}

/**
 * Makes a KaTeX `.katex-display` box a keyboard stop: tabindex 0, role group, aria-label `name`.
 * Mutates `el`'s properties only; its children (KaTeX's MathML and HTML) are untouched.
 */
export function formulaRegion(el: Element, name: string): void {
  el.properties.tabIndex = 0;
  el.properties.role = 'group';
  el.properties.ariaLabel = name;
}

export default function rehypeEquations() {
  return function transformer(tree: Root, file: VFile): void {
    const chapter = chapterOf(file);
    let count = 0;
    visit(tree, 'element', (el, index, parent) => {
      if (el.tagName === 'aside') {
        visit(el, 'element', (inner) => {
          if (hasClass(inner, 'katex-display')) formulaRegion(inner, formulaName());
          if (hasClass(inner, 'katex')) inner.properties.dataPagefindIgnore = '';
        });
        return SKIP;
      }
      if (hasClass(el, 'katex')) {
        el.properties.dataPagefindIgnore = '';
        return SKIP;
      }
      if (!hasClass(el, 'katex-display') || !parent || index === undefined) return;
      const { id, text } = equationLabel(chapter, ++count);
      formulaRegion(el, formulaName(text));
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['equation'], id, dataPagefindIgnore: '' },
        children: [el, { type: 'element', tagName: 'span', properties: { className: ['equation-number'] }, children: [{ type: 'text', value: text }] }],
      };
      parent.children.splice(index, 1, wrapper);
      return SKIP;
    });
  };
}
