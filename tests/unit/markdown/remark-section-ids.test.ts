import { describe, expect, it } from 'vitest';
import remarkSectionIds from '../../../src/lib/markdown/remark-section-ids';
import { sectionsOf } from '../../../src/lib/book/outline';
import { render } from './pipeline';

const idOf = async (md: string) => (await render(md, { remark: [remarkSectionIds] })).match(/id="([^"]+)"/)?.[1];

describe('remarkSectionIds', () => {
  it('sets the heading id from its number', async () => {
    const html = await render('## 10.3 大模型是否容易过拟合？', { remark: [remarkSectionIds] });
    expect(html).toContain('<h2 id="sec-10-3">10.3 大模型是否容易过拟合？</h2>');
  });
  it('keeps the id when the title wording changes', async () => {
    expect(await idOf('## 2.1 大模型概念')).toBe(await idOf('## 2.1 大模型的概念（修订）'));
  });
  it('reads the number from the heading’s text, inline markup included', async () => {
    expect(await idOf('## 4.2. **公式**推导')).toBe('sec-4-2');
  });
  it.each(['## 练习', '## 4.2.1 子节', '### 4.2 三级标题', '## 1. 背景介绍'])('gives no section id to “%s”', async (md) => {
    expect(await idOf(md)).toBeUndefined();
  });
  it.each(['4.2 标题', '4.2. 标题', '4.2.标题', '4.2、标题', '4.12 标题', '4.2 标题 ##', '4.2标题', '4.2.1 标题', '4.2'])(
    'anchors “## %s” exactly when the outline counts it',
    async (text) => {
      const counted = sectionsOf(`## ${text}\n`).map((s) => s.id);
      const anchor = await idOf(`## ${text}`);
      expect(anchor ? [anchor] : []).toEqual(counted);
    },
  );
});
