import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import remarkMermaid, { captionOf } from '../../../src/lib/markdown/remark-mermaid';
import { render } from './pipeline';

const fence = '```mermaid caption="图 1　示例"\nflowchart LR\n  A[输入层] --> B[输出层]\n```\n';
const fakeSvg = (id: string, theme: string) => `<svg id="${id}"><text>${theme}</text></svg>`;

function fakeLauncher() {
  const render = vi.fn(async (id: string, _src: string, theme: string) => fakeSvg(id, theme));
  const close = vi.fn(async () => {});
  const launch = vi.fn(async () => ({ render, close }));
  return { launch, render, close };
}
const tmpCache = () => mkdtempSync(join(tmpdir(), 'mermaid-cache-'));

describe('remarkMermaid', () => {
  it('replaces a mermaid fence with a figure holding a light and a dark SVG', async () => {
    const { launch } = fakeLauncher();
    const html = await render(fence, { remark: [[remarkMermaid, { cacheDir: tmpCache(), launch }]] });
    expect(html).toMatch(/<figure class="diagram"><div class="diagram-variant diagram-light"><svg[^>]*><text>light/);
    expect(html).toMatch(/<div class="diagram-variant diagram-dark" data-pagefind-ignore=""><svg[^>]*><text>dark/);
    expect(html).toContain('<figcaption>图 1　示例</figcaption>');
  });
  it('gives each SVG with a viewBox a wrapper that reserves its box, laid out only near the viewport', async () => {
    const launch = vi.fn(async () => ({
      render: vi.fn(async (id: string) => `<svg id="${id}" width="100%" style="max-width:200px" viewBox="0 0 200 100"><text>x</text></svg>`),
      close: vi.fn(async () => {}),
    }));
    const html = await render(fence, { remark: [[remarkMermaid, { cacheDir: tmpCache(), launch }]] });
    expect(html).toContain('<div class="diagram-variant diagram-light diagram-sized" style="aspect-ratio: 200 / 100; max-width: 200px">');
    expect(html).toContain(
      '<div class="diagram-variant diagram-dark diagram-sized" style="aspect-ratio: 200 / 100; max-width: 200px" data-pagefind-ignore="">',
    );
  });
  it('lists the shown diagram’s labels in a hidden list for search, which skips <svg>', async () => {
    const { launch } = fakeLauncher();
    const html = await render(fence, { remark: [[remarkMermaid, { cacheDir: tmpCache(), launch }]] });
    expect(html).toMatch(/<text>light<\/text><\/svg><ul hidden class="search-copy"><li>light<\/li><\/ul><\/div>/);
    expect(html.match(/search-copy/g)).toHaveLength(1);
  });
  it('stores renders in the cache and reuses them without a browser', async () => {
    const cacheDir = tmpCache();
    const first = fakeLauncher();
    await render(fence, { remark: [[remarkMermaid, { cacheDir, launch: first.launch }]] });
    expect(readdirSync(cacheDir)).toHaveLength(2);
    const second = fakeLauncher();
    const html = await render(fence, { remark: [[remarkMermaid, { cacheDir, launch: second.launch }]] });
    expect(second.launch).not.toHaveBeenCalled();
    expect(html).toContain('diagram-dark');
  });
  it('closes the browser after rendering', async () => {
    const f = fakeLauncher();
    await render(fence, { remark: [[remarkMermaid, { cacheDir: tmpCache(), launch: f.launch }]] });
    expect(f.close).toHaveBeenCalledOnce();
  });
  it('leaves other code fences alone', async () => {
    const f = fakeLauncher();
    const html = await render('```python\nprint(1)\n```\n', { remark: [[remarkMermaid, { cacheDir: tmpCache(), launch: f.launch }]] });
    expect(html).toContain('<code class="language-python">');
    expect(f.launch).not.toHaveBeenCalled();
  });
  it('names the file and line when rendering fails', async () => {
    const launch = async () => {
      throw new Error('no browser');
    };
    const md = '# 标题\n\n' + fence;
    await expect(render(md, { remark: [[remarkMermaid, { cacheDir: tmpCache(), launch }]], path: `${process.cwd()}/content/chapter-02.mdx` })).rejects.toThrow(
      /content\/chapter-02\.mdx:3: Mermaid diagram could not be rendered\.\nno browser/,
    );
  });
});

describe('captionOf', () => {
  it('reads caption="…" from the fence meta', () => {
    expect(captionOf('caption="图 2.1　架构"')).toBe('图 2.1　架构');
  });
  it('is undefined without a caption', () => {
    expect(captionOf(null)).toBeUndefined();
  });
});

// Needs Debian's chromium, which `npm test` installs before running the unit tests.
describe('remarkMermaid with real Chromium', () => {
  it('fails the build on a diagram syntax error, naming the file', async () => {
    const broken = '```mermaid\nflowchart LR\n  A -->\n```\n';
    await expect(render(broken, { remark: [[remarkMermaid, { cacheDir: tmpCache() }]], path: `${process.cwd()}/content/chapter-09.mdx` })).rejects.toThrow(
      /content\/chapter-09\.mdx:1: Mermaid diagram could not be rendered\.\n.*Parse error/s,
    );
  });
  it('renders Chinese labels to SVG text', async () => {
    const html = await render(fence, { remark: [[remarkMermaid, { cacheDir: tmpCache() }]] });
    expect(html).toContain('输入层');
    expect(html.match(/<svg/g)).toHaveLength(2);
  });
});
