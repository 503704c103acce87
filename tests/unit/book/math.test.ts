import { describe, expect, it } from 'vitest';
import { hasMath } from '../../../src/lib/book/math';

describe('hasMath', () => {
  it('finds inline math', () => {
    expect(hasMath('其中，$x$为输入数据')).toBe(true);
  });
  it('finds display math', () => {
    expect(hasMath('$$\ny = f(x)\n$$')).toBe(true);
  });
  it('ignores dollars inside code fences', () => {
    expect(hasMath('```sh\necho $HOME $PATH\n```\n')).toBe(false);
  });
  it('is false for plain prose', () => {
    expect(hasMath('大模型是指具有大量参数和层数的神经网络模型。')).toBe(false);
  });
  it('ignores the ${…} placeholders of a JSX attribute’s template literal', () => {
    expect(hasMath('<Exercise\n  prompt={`字嵌入 ${lstm.vocabSize}×${lstm.embeddingSize} 个权重`}\n/>')).toBe(false);
  });
  it('ignores dollars inside inline code', () => {
    expect(hasMath('运行 `echo $HOME $PATH` 即可。')).toBe(false);
  });
  it('still finds math beside inline code', () => {
    expect(hasMath('运行 `npm test`，其中 $x$ 为输入。')).toBe(true);
  });
});
