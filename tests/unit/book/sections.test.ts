import { describe, expect, it } from 'vitest';
import { parseSectionHeading, sectionAnchor } from '../../../src/lib/book/sections';

describe('parseSectionHeading', () => {
  it.each([
    ['4.2 公式推导过程', 'sec-4-2', '公式推导过程'],
    ['4.2. 公式推导过程', 'sec-4-2', '公式推导过程'],
    ['4.2.公式推导过程', 'sec-4-2', '公式推导过程'],
    ['4.2、公式推导过程', 'sec-4-2', '公式推导过程'],
    ['4.2、 公式推导过程', 'sec-4-2', '公式推导过程'],
    ['4.2\u3000公式推导过程', 'sec-4-2', '公式推导过程'],
    ['  4.2   公式推导过程  ', 'sec-4-2', '公式推导过程'],
    ['4.12 第十二节', 'sec-4-12', '第十二节'],
    ['10.3 大模型是否容易过拟合？', 'sec-10-3', '大模型是否容易过拟合？'],
    ['4.2 100 个参数', 'sec-4-2', '100 个参数'],
    ['4.2. 1 个例子', 'sec-4-2', '1 个例子'],
  ])('reads “%s” as %s', (text, id, title) => {
    expect(parseSectionHeading(text)).toMatchObject({ id, title });
  });

  it('reads an appendix section “A.1 标题” as sec-A-1', () => {
    expect(parseSectionHeading('A.1 为什么需要注意力')).toEqual({ chapter: 'A', section: 1, number: 'A.1', id: 'sec-A-1', title: '为什么需要注意力' });
  });

  it('gives the number as printed and its parts', () => {
    expect(parseSectionHeading('10.3. 标题')).toEqual({ chapter: 10, section: 3, number: '10.3', id: 'sec-10-3', title: '标题' });
  });

  it.each([
    ['练习', 'no number'],
    ['4.2', 'no title'],
    ['10.3 ', 'no title'],
    ['4.2标题', 'no separator'],
    ['4.2.1 子节', 'a sub-section'],
    ['4.2.1标题', 'a sub-section without separator'],
    ['4 标题', 'a chapter number alone'],
    ['1. 背景介绍', 'a chapter number alone'],
    ['04.2 标题', 'a leading zero'],
    ['4.02 标题', 'a leading zero'],
    ['4.0 标题', 'section 0'],
    ['第 4.2 节', 'text before the number'],
    ['４.２ 标题', 'full-width digits'],
    ['a.1 标题', 'a lower-case appendix letter'],
    ['AB.1 标题', 'two letters'],
    ['附录 A 标题', 'an appendix title without a section number'],
  ])('rejects “%s” (%s)', (text) => {
    expect(parseSectionHeading(text)).toBeUndefined();
  });
});

describe('sectionAnchor', () => {
  it('names a section and a whole chapter', () => {
    expect(sectionAnchor(4, 2)).toBe('sec-4-2');
    expect(sectionAnchor(6)).toBe('sec-6');
  });
});
