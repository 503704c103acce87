import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeParagraphIds, { contentHash } from '../../../src/lib/markdown/rehype-paragraph-ids';

const html = (md: string) => String(unified().use(remarkParse).use(remarkRehype).use(rehypeParagraphIds).use(rehypeStringify).processSync(md));
const ids = (md: string) => [...html(md).matchAll(/<(?:p|li)[^>]* id="([^"]+)"/g)].map((m) => m[1]);

describe('paragraph ids', () => {
  const chapter = ['第一段。', '第二段。', '第三段。', '- 列表一\n- 列表二'].join('\n\n');

  it('gives every paragraph and list item an id derived from its text', () => {
    expect(ids(chapter)).toEqual(['第一段。', '第二段。', '第三段。', '列表一', '列表二'].map((t) => `p-${contentHash(t)}`));
  });

  it('keeps the other ids when one paragraph is edited, inserted or removed', () => {
    const [a, b, c, d, e] = ids(chapter);
    expect(ids(chapter.replace('第二段。', '第二段，改过了。'))).toEqual([a, expect.not.stringMatching(b), c, d, e]);
    expect(ids('新加的一段。\n\n' + chapter).slice(1)).toEqual([a, b, c, d, e]);
    expect(ids(chapter.replace('第一段。\n\n', ''))).toEqual([b, c, d, e]);
  });

  it('tells identical paragraphs apart in order', () => {
    const [x, y] = ids('同一句话。\n\n同一句话。');
    expect(y).toBe(`${x}-2`);
  });

  it('adds a link to itself that is hidden from search', () => {
    expect(html('一段。')).toContain(`<a class="para-link" href="#p-${contentHash('一段。')}" aria-label="本段链接" data-pagefind-ignore="">#</a>`);
  });
});

describe('paragraph ids inside diagrams', () => {
  it('leaves the labels inside an SVG alone and links the figure once', async () => {
    const { fromHtml } = await import('hast-util-from-html');
    const tree = fromHtml('<figure class="diagram"><svg><foreignObject><p>标签</p></foreignObject></svg><figcaption>图 1</figcaption></figure>', {
      fragment: true,
    });
    rehypeParagraphIds()(tree);
    const out = JSON.stringify(tree);
    expect(out).not.toContain('"p-');
    expect(out.match(/para-link/g)).toHaveLength(1);
  });
});
