import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeEquations, { equationLabel, formulaName } from '../../../src/lib/markdown/rehype-equations';
import { render } from './pipeline';

const twoFormulas = '$$\na = b\n$$\n\ntext $x$ here\n\n$$\nc = d\n$$\n';
const run = (md: string, frontmatter?: Record<string, unknown>, path?: string) =>
  render(md, { remark: [remarkMath], rehype: [rehypeKatex, rehypeEquations], frontmatter, path });

describe('equationLabel', () => {
  it('numbers within the chapter', () => {
    expect(equationLabel(4, 3)).toEqual({ id: 'eq-4-3', text: '(4.3)' });
  });
  it('numbers within an appendix by its letter', () => {
    expect(equationLabel('A', 5)).toEqual({ id: 'eq-A-5', text: '(A.5)' });
  });
  it('falls back to a plain number without a chapter', () => {
    expect(equationLabel(undefined, 2)).toEqual({ id: 'eq-2', text: '(2)' });
  });
});

describe('formulaName', () => {
  it('names a numbered formula by its printed number', () => {
    expect(formulaName('(4.1)')).toBe('公式 (4.1)');
  });
  it('names an unnumbered formula plainly', () => {
    expect(formulaName()).toBe('公式');
  });
});

/** The opening tag of each display formula's scroll box, in document order. */
const displayBoxes = (html: string) => html.match(/<span[^>]*class="katex-display"[^>]*>/g) ?? [];

describe('rehypeEquations', () => {
  it('numbers display formulas per chapter in document order', async () => {
    const html = await run(twoFormulas, { chapter: 7 });
    expect([...html.matchAll(/class="equation-number">([^<]+)</g)].map((m) => m[1])).toEqual(['(7.1)', '(7.2)']);
  });
  it('gives each formula an anchor for cross-references', async () => {
    const html = await run(twoFormulas, { chapter: 7 });
    expect(html).toContain('id="eq-7-1"');
    expect(html).toContain('id="eq-7-2"');
  });
  it('numbers an appendix’s formulas (A.1), (A.2) by its letter, not its place in the reading order', async () => {
    const html = await run(twoFormulas, { chapter: 12, appendix: 'A' });
    expect([...html.matchAll(/class="equation-number">([^<]+)</g)].map((m) => m[1])).toEqual(['(A.1)', '(A.2)']);
    expect(html).toContain('id="eq-A-2"');
  });
  it('takes the chapter from a chapter-NN file name when frontmatter lacks it', async () => {
    const html = await run(twoFormulas, undefined, '/x/content/chapter-09.mdx');
    expect(html).toContain('(9.1)');
  });
  it('does not number formulas inside an aside (the errata)', async () => {
    const aside: Element = { type: 'element', tagName: 'aside', properties: {}, children: [] };
    const wrapInAside = () => (tree: Root) => {
      const second = tree.children.findLastIndex((n) => n.type === 'element' && n.tagName === 'pre');
      const pre = tree.children[second];
      if (pre?.type !== 'element') throw new Error('no display formula to wrap');
      aside.children = [pre];
      tree.children[second] = aside;
    };
    const html = await render(twoFormulas, {
      remark: [remarkMath],
      rehype: [wrapInAside, rehypeKatex, rehypeEquations],
      frontmatter: { chapter: 4 },
    });
    expect(html.match(/equation-number/g)).toHaveLength(1);
  });
  it('hides every formula, inline and display, from the search index', async () => {
    const html = await run(twoFormulas, { chapter: 1 });
    const katexOpenings = html.match(/<span class="katex"[^>]*>/g) ?? [];
    expect(katexOpenings.filter((t) => t.includes('data-pagefind-ignore'))).toHaveLength(1); // the inline one
    expect(html.match(/class="equation" id="eq-1-\d" data-pagefind-ignore/g)).toHaveLength(2);
  });
  it('makes each numbered formula’s scroll box a keyboard stop named by its number', async () => {
    const boxes = displayBoxes(await run(twoFormulas, { chapter: 4 }));
    expect(boxes).toHaveLength(2);
    boxes.forEach((tag, i) => {
      expect(tag).toContain('tabindex="0"');
      expect(tag).toContain('role="group"');
      expect(tag).toContain(`aria-label="公式 (4.${i + 1})"`);
    });
  });
  it('makes an erratum’s unnumbered formula a keyboard stop named 公式', async () => {
    const inAside = () => (tree: Root) => {
      const first = tree.children.findIndex((n) => n.type === 'element' && n.tagName === 'pre');
      const pre = tree.children[first];
      if (pre?.type !== 'element') throw new Error('no display formula to wrap');
      tree.children[first] = { type: 'element', tagName: 'aside', properties: {}, children: [pre] };
    };
    const html = await render(twoFormulas, { remark: [remarkMath], rehype: [inAside, rehypeKatex, rehypeEquations], frontmatter: { chapter: 4 } });
    const [erratum, numbered] = displayBoxes(html);
    expect(erratum).toMatch(/tabindex="0".*role="group".*aria-label="公式"/);
    expect(numbered).toContain('aria-label="公式 (4.1)"');
  });
  it('leaves inline formulas out of the tab order', async () => {
    const html = await run(twoFormulas, { chapter: 4 });
    const inline = html.match(/<span class="katex"[^>]*>/g) ?? [];
    expect(inline.length).toBeGreaterThan(0);
    expect(html.match(/tabindex/g)).toHaveLength(2);
  });
});
