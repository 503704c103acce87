import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { displayHeightEm } from '../../../src/lib/markdown/formula-box';
import rehypeFormulaBox from '../../../src/lib/markdown/rehype-formula-box';
import { render } from './pipeline';

/** The `span.katex-display` KaTeX renders for `tex`, as hast. */
function display(tex: string): Element {
  const tree: Root = fromHtml(katex.renderToString(tex, { displayMode: true, strict: 'ignore' }), { fragment: true });
  const el = tree.children[0];
  if (el?.type !== 'element') throw new Error('KaTeX rendered no element');
  return el;
}

describe('displayHeightEm', () => {
  it('gives a one-line formula of short symbols one line-height (1.2 KaTeX em)', () => {
    expect(displayHeightEm(display('a = b'))).toBe(1.45);
  });
  it('makes a fraction taller than a plain line', () => {
    expect(displayHeightEm(display('y = \\frac{\\partial L}{\\partial w}'))).toBeGreaterThan(2);
  });
  it('adds a line and its gap for each \\\\ line break', () => {
    const one = displayHeightEm(display('a = b'))!;
    const three = displayHeightEm(display('a = b \\\\ c = d \\\\ e = f'))!;
    expect(three).toBeCloseTo(3 * one + 2 * 0.4 * 1.21, 1);
  });
  it('is undefined for markup that is not a KaTeX display', () => {
    expect(displayHeightEm({ type: 'element', tagName: 'span', properties: { className: ['katex-display'] }, children: [] })).toBeUndefined();
  });
});

describe('rehypeFormulaBox', () => {
  const run = (md: string) => render(md, { remark: [remarkMath], rehype: [rehypeKatex, rehypeFormulaBox] });

  it('gives each display formula its estimated height, kept once laid out (auto)', async () => {
    const html = await run('$$\na = b\n$$\n');
    expect(html).toContain('class="katex-display" style="contain-intrinsic-block-size:auto 1.45em"');
  });
  it('leaves inline formulas alone', async () => {
    const html = await run('text $x$ here\n');
    expect(html).not.toContain('contain-intrinsic');
  });
});
