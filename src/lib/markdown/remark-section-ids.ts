/**
 * Numbered headings get anchors from their number, not their wording:
 * "4.2 公式推导过程" → `#sec-4-2`. Links from assignments survive edits to a title.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export function sectionId(text: string): string | undefined {
  const m = text.trim().match(/^(\d+(?:\.\d+)*)\.?\s/);
  return m ? `sec-${m[1].replace(/\./g, '-')}` : undefined;
}

export default function remarkSectionIds() {
  return function transformer(tree: Root): void {
    visit(tree, 'heading', (node) => {
      const id = sectionId(toString(node));
      if (!id) return;
      node.data ??= {};
      node.data.hProperties = { ...node.data.hProperties, id };
    });
  };
}
