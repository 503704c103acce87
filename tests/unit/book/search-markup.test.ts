import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { diagramLabels, nameIncludesShortcut, searchCopy } from '../../../src/lib/book/search-markup';

const button =
  '<site-search><button data-open-modal aria-label="搜索"><span aria-hidden="true">搜索</span><kbd class="x"> <kbd>Ctrl</kbd><kbd>K</kbd> </kbd></button><dialog aria-label="搜索"></dialog></site-search>';

describe('nameIncludesShortcut', () => {
  it('appends the visible shortcut hint to the button’s accessible name', () => {
    expect(nameIncludesShortcut(button)).toContain('<button data-open-modal aria-label="搜索 Ctrl K">');
  });
  it('separates the keys so the visible text reads "Ctrl K"', () => {
    expect(nameIncludesShortcut(button)).toContain('<kbd>Ctrl</kbd> <kbd>K</kbd>');
  });
  it('changes nothing else', () => {
    const undone = nameIncludesShortcut(button).replace('搜索 Ctrl K', '搜索').replace('</kbd> <kbd>K', '</kbd><kbd>K');
    expect(undone).toBe(button);
  });
  it('leaves markup without a search button alone', () => {
    expect(nameIncludesShortcut('<p><kbd>K</kbd></p>')).toBe('<p><kbd>K</kbd></p>');
  });
  it('leaves a button without a shortcut hint alone', () => {
    const html = '<button data-open-modal aria-label="搜索">搜索</button><kbd>K</kbd>';
    expect(nameIncludesShortcut(html)).toBe(html);
  });
});

const mermaidLike =
  '<svg><title>图的标题</title><desc>图的描述</desc><style>p{margin:0}</style>' +
  '<g><foreignObject><div><span class="edgeLabel"></span></div></foreignObject></g>' +
  '<g><foreignObject><div><span class="nodeLabel"><p>概率分布</p></span></div></foreignObject></g>' +
  '<g><foreignObject><div><span class="nodeLabel"><p>按温度采样<br>一个字符</p></span></div></foreignObject></g>' +
  '<text>输出层</text></svg>';

describe('diagramLabels', () => {
  it('lists each label of an SVG diagram separately, in order', () => {
    expect(diagramLabels(fromHtml(mermaidLike, { fragment: true }))).toEqual(['概率分布', '按温度采样 一个字符', '输出层']);
  });
  it('leaves out the title, the description and empty labels', () => {
    const labels = diagramLabels(fromHtml(mermaidLike, { fragment: true }));
    expect(labels.join()).not.toMatch(/图的|margin/);
    expect(labels).not.toContain('');
  });
});

describe('searchCopy', () => {
  it('is a hidden list with one item per text, so adjacent texts keep a boundary', () => {
    const list = searchCopy(['概率分布', '按温度采样']);
    expect(list).toMatchObject({ tagName: 'ul', properties: { hidden: true, className: ['search-copy'] } });
    expect(list.children.map((li) => li.type === 'element' && li.tagName === 'li' && li.children)).toEqual([
      [{ type: 'text', value: '概率分布' }],
      [{ type: 'text', value: '按温度采样' }],
    ]);
  });
});
