/**
 * Numbered section headings get anchors from their number, not their wording:
 * "## 4.2 公式推导过程" → `#sec-4-2`. Links from assignments survive edits to a title.
 * Which headings count is book/sections.ts's one rule, shared with the outline, so every
 * heading with such an anchor is also counted by reading progress and assignments.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseSectionHeading, SECTION_DEPTH } from '../book/sections';

export default function remarkSectionIds() {
  return function transformer(tree: Root): void {
    visit(tree, 'heading', (node) => {
      if (node.depth !== SECTION_DEPTH) return;
      const id = parseSectionHeading(toString(node))?.id;
      if (!id) return;
      node.data ??= {};
      node.data.hProperties = { ...node.data.hProperties, id };
    });
  };
}
