import { describe, expect, it } from 'vitest';
import { chapterCounts, exercisesOf, sectionsOf, tasksOf } from '../../../src/lib/book/outline';

describe('book outline', () => {
  it('lists the numbered sections, skipping code fences and other headings', () => {
    const mdx = '## 4.1 数学模型\n\n```python\n## 4.9 not a heading\n```\n\n## 练习\n\n## 4.2 公式推导过程\n';
    expect(sectionsOf(mdx)).toEqual([
      { id: 'sec-4-1', title: '4.1 数学模型' },
      { id: 'sec-4-2', title: '4.2 公式推导过程' },
    ]);
  });

  it('counts the read sections of each chapter', () => {
    const outline = [{ chapter: 4, slug: 'chapter-04', title: '4', sections: [{ id: 'sec-4-1', title: '' }, { id: 'sec-4-2', title: '' }], exercises: [], tasks: [] }];
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
