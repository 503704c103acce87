/**
 * Whether MDX source contains `$…$` or `$$` math that remark-math will typeset: outside fenced
 * code blocks, and outside backtick spans, which are inline code (never typeset) or, in MDX, a
 * JSX attribute's template literal, whose `${…}` placeholders look like `$…$` (issue 12:
 * chapters 2, 9 and 10 preloaded KaTeX's fonts for such placeholders and had no formula).
 */
export function hasMath(mdx: string): boolean {
  const prose = mdx.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`]*`/g, '');
  return /\$\$|\$[^$\n]+\$/.test(prose);
}
