/**
 * Links KaTeX's stylesheet only on the pages that typeset a formula (issue 12: it was ~8 KB gzip
 * of render-blocking CSS on every page, most of which have no formula). Runs after remark-math:
 * an MDX page with a `math` or `inlineMath` node gets `import 'katex/dist/katex.min.css'` as an
 * ESM statement, and Astro bundles a content entry's CSS imports into the pages that render it
 * only. Widgets that typeset at run time import the same stylesheet from their section component
 * (BackpropStepperSection.astro, AttentionStepperSection.astro).
 * Plain Markdown has no ESM, so a `.md` file is left as it is (its formulas would lose their
 * styles; the book's pages are all MDX).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit, EXIT } from 'unist-util-visit';

/** The stylesheet's module id, as the widgets' section components import it too. */
export const KATEX_CSS = 'katex/dist/katex.min.css';

/** Whether the tree holds a formula remark-math parsed (display `$$…$$` or inline `$…$`). */
export function hasMathNode(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return;
    found = true;
    return EXIT;
  });
  return found;
}

/** `import '<KATEX_CSS>';` as the mdast node MDX compiles (its estree is what MDX reads). */
function importNode(): Root['children'][number] {
  const source = { type: 'Literal', value: KATEX_CSS, raw: JSON.stringify(KATEX_CSS) };
  const estree = { type: 'Program', sourceType: 'module', body: [{ type: 'ImportDeclaration', specifiers: [], attributes: [], source }] };
  return { type: 'mdxjsEsm', value: `import ${JSON.stringify(KATEX_CSS)};`, data: { estree } } as unknown as Root['children'][number];
}

export default function remarkKatexCss() {
  return function transformer(tree: Root, file: VFile): void {
    if (file.extname !== '.mdx' || !hasMathNode(tree)) return;
    tree.children.unshift(importNode());
  };
}
