import { describe, expect, it } from 'vitest';
import remarkSectionIds, { sectionId } from '../../../src/lib/markdown/remark-section-ids';
import { render } from './pipeline';

describe('sectionId', () => {
  it('derives the anchor from a section number', () => {
    expect(sectionId('4.2 公式推导过程')).toBe('sec-4-2');
  });
  it('accepts a chapter number with a trailing dot', () => {
    expect(sectionId('1. 背景介绍')).toBe('sec-1');
  });
  it('gives no id to an unnumbered heading', () => {
    expect(sectionId('章节')).toBeUndefined();
  });
});

describe('remarkSectionIds', () => {
  it('sets the heading id from its number', async () => {
    const html = await render('## 10.3 大模型是否容易过拟合？', { remark: [remarkSectionIds] });
    expect(html).toContain('<h2 id="sec-10-3">10.3 大模型是否容易过拟合？</h2>');
  });
  it('keeps the id when the title wording changes', async () => {
    const a = await render('## 2.1 大模型概念', { remark: [remarkSectionIds] });
    const b = await render('## 2.1 大模型的概念（修订）', { remark: [remarkSectionIds] });
    expect(a.match(/id="([^"]+)"/)?.[1]).toBe(b.match(/id="([^"]+)"/)?.[1]);
  });
});
