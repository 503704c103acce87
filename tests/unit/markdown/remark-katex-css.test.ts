import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkKatexCss, { hasMathNode, KATEX_CSS } from '../../../src/lib/markdown/remark-katex-css';
import { hasMath } from '../../../src/lib/book/math';

/** The JavaScript MDX makes of `source`, as Astro's MDX integration compiles a chapter. */
async function compiled(source: string, path = '/book/content/chapter-04.mdx'): Promise<string> {
  return String(await compile(new VFile({ value: source, path }), { remarkPlugins: [remarkMath, remarkKatexCss] }));
}

const importsKatexCss = (js: string) => js.includes(`import ${JSON.stringify(KATEX_CSS)};`);

describe('remarkKatexCss', () => {
  it('imports KaTeX’s stylesheet into a page with a display formula', async () => {
    expect(importsKatexCss(await compiled('正文\n\n$$\na = b\n$$\n'))).toBe(true);
  });
  it('imports it into a page whose only formula is inline', async () => {
    expect(importsKatexCss(await compiled('损失 $L = y^2$ 很小。'))).toBe(true);
  });
  it('leaves a page without formulas without it', async () => {
    expect(importsKatexCss(await compiled('价格是 100 元，不是公式。\n\n`${a}$`'))).toBe(false);
  });
  it('imports it once however many formulas the page has', async () => {
    const js = await compiled('$a$ 与 $b$\n\n$$\nc\n$$\n');
    expect(js.split(`import ${JSON.stringify(KATEX_CSS)};`).length - 1).toBe(1);
  });
  it('keeps the page’s own imports', async () => {
    const js = await compiled("import X from './x.astro';\n\n$a$\n\n<X />\n");
    expect(js).toMatch(/import X from ['"]\.\/x\.astro['"]/);
    expect(importsKatexCss(js)).toBe(true);
  });
});

describe('which pages have formulas', () => {
  // Two places decide it: the font preload reads the source (routeData.ts, hasMath) and the
  // stylesheet reads remark-math's tree (hasMathNode). A page where they disagree would get
  // fonts without styles, or styles with unstyled fallback glyphs until the fonts arrive.
  const dir = 'content';
  const pages = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath);
  const tree = (source: string) => processor.runSync(processor.parse(source)) as Root;
  it.each(pages)('%s: the font preload and the stylesheet agree', (page) => {
    const source = readFileSync(join(dir, page), 'utf8');
    expect(hasMath(source)).toBe(hasMathNode(tree(source)));
  });
  it('finds formulas on chapter 4 and none on chapter 9', () => {
    const on = (p: string) => hasMathNode(tree(readFileSync(join(dir, p), 'utf8')));
    expect([on('chapter-04.mdx'), on('chapter-09.mdx')]).toEqual([true, false]);
  });
});
