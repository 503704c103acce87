import { describe, expect, it } from 'vitest';
import { bookPart, plainLines, sentences } from '../../../src/lib/book/text';

describe('bookPart', () => {
  it('cuts at the first dashed line, even mid-line', () => {
    expect(bookPart('正文。作者：某人。------\n\n---\n\n给委托人的话。')).toBe('正文。作者：某人。');
  });
});

describe('plainLines', () => {
  it('strips emphasis, heading and list markers but keeps numbered headings', () => {
    expect(plainLines('## 4.2 公式推导过程\n\n1. **前向传播**：\n- 能够处理复杂任务。')).toEqual(['4.2 公式推导过程', '前向传播：', '能够处理复杂任务。']);
  });
  it('drops fences and keeps their content lines', () => {
    expect(plainLines('```python\nimport tensorflow as tf\n```')).toEqual(['import tensorflow as tf']);
  });
  it('keeps a chapter title given in frontmatter', () => {
    expect(plainLines('---\ntitle: 1. 背景介绍\nchapter: 1\n---\n正文。')).toContain('1. 背景介绍');
  });
});

describe('sentences', () => {
  it('splits on Chinese sentence ends', () => {
    expect(sentences(['甲。乙！丙？丁'])).toEqual(['甲。', '乙！', '丙？', '丁']);
  });
});

describe('bookCorpus', () => {
  it('keeps the wording of each chapter in order and drops MDX imports, components and markup', async () => {
    const { bookCorpus } = await import('../../../src/lib/book/text');
    const ch1 = "---\ntitle: 1. 背景\nchapter: 1\n---\nimport X from '../src/components/X.astro';\n\n## 1.1 起源\n\n**大模型**很大。\n\n<X />";
    expect(bookCorpus([ch1, "## 2.1 下一章\n\n正文。\n\n<Exercise\n  id=\"ex-2-1\"\n  options={['甲', '乙']}\n/>"])).toBe(
      '1. 背景\n1.1 起源\n大模型很大。\n2.1 下一章\n正文。',
    );
  });
});
