/**
 * ```mermaid fences become a <figure> holding two inline SVGs, one per site theme.
 * CSS shows the one matching Starlight's `data-theme`, so the toggle (not only the OS) decides.
 * SVGs come from the diagrams/ cache; only a miss launches Chromium.
 */
import type { Code, Root } from 'mdast';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { relative } from 'node:path';
import { DiagramCache, diagramKey, scopeIds } from './mermaid/cache';
import { MermaidRenderer, type DiagramTheme } from './mermaid/render';
import { optimizeSvg } from './mermaid/optimize';
import { boxStyle, diagramBox } from './mermaid/box';
import { diagramLabels, searchCopy } from '../book/search-markup';

export interface RemarkMermaidOptions {
  /** Folder of cached SVGs, keyed by `diagramKey`. */
  cacheDir: string;
  /** Injected in tests; defaults to headless Chromium. */
  launch?: () => Promise<Pick<MermaidRenderer, 'render' | 'close'>>;
}

const THEMES: DiagramTheme[] = ['light', 'dark'];

/** `caption="…"` in the fence's meta string. */
export function captionOf(meta: string | null | undefined): string | undefined {
  return meta?.match(/caption="([^"]*)"/)?.[1];
}

function where(file: VFile, node: Code): string {
  const path = file.path ? relative(process.cwd(), file.path) : '<unknown file>';
  return `${path}:${node.position?.start.line ?? '?'}`;
}

export default function remarkMermaid(options: RemarkMermaidOptions) {
  const cache = new DiagramCache(options.cacheDir);
  const launch = options.launch ?? (() => MermaidRenderer.launch());

  return async function transformer(tree: Root, file: VFile): Promise<void> {
    const fences: Code[] = [];
    visit(tree, 'code', (node) => {
      if (node.lang === 'mermaid') fences.push(node);
    });
    if (fences.length === 0) return;

    let renderer: Awaited<ReturnType<typeof launch>> | undefined;
    try {
      for (const node of fences) {
        const variants: Element[] = [];
        for (const theme of THEMES) {
          const key = diagramKey(node.value, theme);
          let svg = cache.get(key);
          if (!svg) {
            try {
              renderer ??= await launch();
              svg = optimizeSvg(scopeIds(await renderer.render(`mmd-${key}`, node.value, theme), `mmd-${key}`));
            } catch (error) {
              const reason = error instanceof Error ? error.message : String(error);
              throw new Error(`${where(file, node)}: Mermaid diagram could not be rendered.\n${reason}`);
            }
            cache.set(key, svg);
          }
          variants.push(variant(theme, svg));
        }
        replaceWithFigure(node, variants, captionOf(node.meta));
      }
    } finally {
      await renderer?.close();
    }
  };
}

function variant(theme: DiagramTheme, svg: string): Element {
  const tree = fromHtml(svg, { fragment: true });
  const children = tree.children as ElementContent[];
  // Search skips <svg>: the shown (light) copy also lists its labels, hidden, for the index.
  if (theme === 'light') children.push(searchCopy(diagramLabels(tree)));
  const root = children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  const box = root ? diagramBox(root.properties.viewBox, root.properties.style) : null;
  // A variant whose box is known reserves it and is laid out only near the viewport (box.ts).
  const sized = box
    ? { className: ['diagram-variant', `diagram-${theme}`, 'diagram-sized'], style: boxStyle(box) }
    : { className: ['diagram-variant', `diagram-${theme}`] };
  return {
    type: 'element',
    tagName: 'div',
    // The dark copy repeats the light one's labels; index them once.
    properties: theme === 'dark' ? { ...sized, dataPagefindIgnore: '' } : sized,
    children,
  };
}

function replaceWithFigure(node: Code, variants: Element[], caption?: string): void {
  const children: ElementContent[] = [...variants];
  if (caption) {
    children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] });
  }
  // An mdast node that mdast-util-to-hast turns into exactly this hast.
  Object.assign(node, {
    type: 'mermaidFigure',
    data: { hName: 'figure', hProperties: { className: ['diagram'] }, hChildren: children },
  });
}
