import { describe, expect, it } from 'vitest';
import { chapterCounts, exercisesOf, parseOutline, sectionsOf, tasksOf, titleSectionId } from '../../../src/lib/book/outline';

describe('book outline', () => {
  it('lists the numbered sections, skipping code fences and other headings', () => {
    const mdx = '## 4.1 数学模型\n\n```python\n## 4.9 not a heading\n```\n\n## 练习\n\n## 4.2 公式推导过程\n';
    expect(sectionsOf(mdx)).toEqual([
      { id: 'sec-4-1', title: '4.1 数学模型' },
      { id: 'sec-4-2', title: '4.2 公式推导过程' },
    ]);
  });

  it('lists `4.2.` and `4.2、` headings like `4.2`, with one title form', () => {
    expect(sectionsOf('## 4.1. 数学模型\n## 4.2、公式推导\n## 4.3.案例 ##\n')).toEqual([
      { id: 'sec-4-1', title: '4.1 数学模型' },
      { id: 'sec-4-2', title: '4.2 公式推导' },
      { id: 'sec-4-3', title: '4.3 案例' },
    ]);
  });

  it('lists an appendix’s sections and exercises, so reading progress counts them like a chapter’s', () => {
    const mdx = '## A.1 为什么需要注意力\n\n## A.2 缩放点积注意力\n\n## 参考文献\n\n## 练习\n\n<Exercise\n  id="ex-A-1"\n  kind="numeric"\n/>\n';
    expect(sectionsOf(mdx)).toEqual([
      { id: 'sec-A-1', title: 'A.1 为什么需要注意力' },
      { id: 'sec-A-2', title: 'A.2 缩放点积注意力' },
    ]);
    expect(exercisesOf(mdx)).toEqual(['ex-A-1']);
  });

  it('skips sub-sections, other levels and unnumbered headings', () => {
    expect(sectionsOf('# 4.1 一级\n### 4.2 三级\n## 4.3.1 子节\n##4.4 无空格\n## 4.5\n#### 练习\n')).toEqual([]);
  });

  it('counts the read sections of each chapter', () => {
    const outline = [
      {
        chapter: 4,
        slug: 'chapter-04',
        title: '4',
        sections: [
          { id: 'sec-4-1', title: '' },
          { id: 'sec-4-2', title: '' },
        ],
        exercises: [],
        tasks: [],
      },
    ];
    expect(chapterCounts(outline, { 'sec-4-2': {} }).get(4)).toEqual({ read: 1, total: 2 });
  });
});

describe('exercise ids', () => {
  it('finds every <Exercise id> across lines, in order', () => {
    const mdx = '<Exercise\n  id="ex-4-1"\n  kind="single"\n/>\n\n<Exercise id="ex-4-2" kind="task" task="diverge" />';
    expect(exercisesOf(mdx)).toEqual(['ex-4-1', 'ex-4-2']);
    expect(tasksOf(mdx)).toEqual(['ex-4-2']);
  });
});

describe('parseOutline', () => {
  const entry = { chapter: 4, slug: 'chapter-04', title: '4. 数学', sections: [{ id: 'sec-4-1', title: '4.1 模型' }], exercises: ['ex-4-1'], tasks: [] };
  it('reads back the outline a page embeds', () => {
    expect(parseOutline(JSON.stringify([entry]))).toEqual([entry]);
  });
  it.each(['', '{', 'null', '{"chapter":4}', '"text"'])('gives [] for “%s”', (json) => {
    expect(parseOutline(json)).toEqual([]);
  });
  it('leaves out entries of the wrong shape and keeps the intact ones', () => {
    const broken = [{ ...entry, chapter: '4' }, { ...entry, sections: [{ id: 1 }] }, { ...entry, tasks: null }, null, 7];
    expect(parseOutline(JSON.stringify([...broken, entry]))).toEqual([entry]);
  });

  describe('titleSectionId: the line kept under a chapter title for its 已读 button', () => {
    const whole = { chapter: 6, slug: 'chapter-06', title: '6. 小结', sections: [{ id: 'sec-6', title: '6. 小结' }], exercises: [], tasks: [] };
    it('is the one section of a chapter without numbered sections', () => expect(titleSectionId(whole, '正文\n\n## 练习\n')).toBe('sec-6'));
    it('is none for a chapter with numbered sections, even just one', () =>
      expect(titleSectionId({ ...whole, sections: [{ id: 'sec-6-1', title: '6.1 小结' }] }, '## 6.1 小结\n')).toBeUndefined());
    it('is none for a page that is no chapter', () => expect(titleSectionId(undefined, '正文')).toBeUndefined());
  });
});
