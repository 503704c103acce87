/**
 * A display formula's height before the browser has laid it out (issue 12: a math chapter's
 * formulas are most of its DOM, so book.css lets the browser skip styling and laying out those
 * far from the viewport, `content-visibility: auto`). Until a formula is first laid out it
 * occupies the height given here (`contain-intrinsic-block-size`), and from then on its real
 * height (`auto`). The closer the estimate, the less the page's length changes as the reader
 * scrolls formulas into view; nothing on screen moves either way.
 */
import type { Element, ElementContent } from 'hast';

/** KaTeX's `.katex` is 1.21em of the surrounding text (katex.css); struts are in its em. */
const KATEX_SCALE = 1.21;
/** `.katex { line-height: 1.2 }`: the least a line of a formula takes, in KaTeX em. */
const MIN_LINE_EM = 1.2;
/** book.css: `.katex-display .katex-html > .newline { margin-bottom: 0.4em }`, in KaTeX em. */
const NEWLINE_GAP_EM = 0.4;

const isElement = (n: ElementContent | undefined): n is Element => n?.type === 'element';
const hasClass = (el: Element, name: string) => Array.isArray(el.properties.className) && el.properties.className.includes(name);
const child = (el: Element, name: string) => el.children.find((c): c is Element => isElement(c) && hasClass(c, name));

/** A `.base`'s strut height (KaTeX writes `height:H em` = height + depth of the box), in KaTeX em. */
function strutEm(base: Element): number {
  const strut = child(base, 'strut');
  const m = /height:\s*([\d.]+)em/.exec(String(strut?.properties.style ?? ''));
  return m ? Number(m[1]) : 0;
}

/**
 * Height of a `span.katex-display`'s content box in em of the surrounding text, from KaTeX's own
 * markup: its `.katex-html` is lines of `.base` boxes broken by `.newline` (`\\`), each line as
 * tall as its tallest strut (at least one line-height). Returns undefined for markup that is not
 * a KaTeX display (no `.katex > .katex-html`). Horizontal scrollbars and fonts' exact ascents are
 * not counted, so it can be a few pixels short.
 */
export function displayHeightEm(display: Element): number | undefined {
  const katex = child(display, 'katex');
  const html = katex && child(katex, 'katex-html');
  if (!html) return undefined;
  let total = 0;
  let line = 0;
  for (const c of html.children) {
    if (!isElement(c)) continue;
    if (hasClass(c, 'newline')) {
      total += Math.max(line, MIN_LINE_EM) + NEWLINE_GAP_EM;
      line = 0;
    } else if (hasClass(c, 'base')) line = Math.max(line, strutEm(c));
  }
  total += Math.max(line, MIN_LINE_EM);
  return Math.round(total * KATEX_SCALE * 100) / 100;
}
