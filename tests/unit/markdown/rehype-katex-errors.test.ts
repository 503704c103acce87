import { describe, expect, it } from 'vitest';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeKatexErrors, { katexStrict } from '../../../src/lib/markdown/rehype-katex-errors';
import { render } from './pipeline';

const run = (md: string) =>
  render(md, {
    remark: [remarkMath],
    rehype: [[rehypeKatex, { strict: katexStrict }], rehypeKatexErrors],
    path: `${process.cwd()}/content/chapter-04.mdx`,
  });

describe('rehypeKatexErrors', () => {
  it('renders valid math', async () => {
    await expect(run('公式 $W_1 \\cdot x$ 在此。')).resolves.toContain('class="katex"');
  });
  it('allows a line break in display math, as the article uses', async () => {
    await expect(run('$$\nz_l = W_l \\\\\na_l = \\sigma(z_l)\n$$')).resolves.toContain('katex-display');
  });
  it('fails on a malformed formula, naming file and line', async () => {
    await expect(run('第一行\n\n第三行 $\\frac{1}{$ 出错')).rejects.toThrow(/content\/chapter-04\.mdx:3:\d+/);
  });
  it('fails on Chinese text inside $…$', async () => {
    await expect(run('错误：$x = 输入$')).rejects.toThrow(/Invalid math \(KaTeX\)/);
  });
});

describe('katexStrict', () => {
  it('treats unicode text in math mode as an error', () => {
    expect(katexStrict('unicodeTextInMathMode')).toBe('error');
  });
  it('ignores newlines in display mode', () => {
    expect(katexStrict('newLineInDisplayMode')).toBe('ignore');
  });
});
