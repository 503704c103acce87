/**
 * Copying prose with formulas: each formula reaches the clipboard once, as its TeX between $…$
 * ($$…$$ for a display formula), the Chinese text around it unchanged, and no zero-width spaces.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Selects from the start of `first` to the end of `last` and presses Ctrl+C; returns the plain text copied. */
async function copy(page: Page, first: Locator, last: Locator = first): Promise<string> {
  await first.scrollIntoViewIfNeeded();
  const [a, b] = [await first.elementHandle(), await last.elementHandle()];
  await page.evaluate(
    ([start, end]) => {
      const range = document.createRange();
      range.setStartBefore(start!);
      range.setEndAfter(end!);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [a, b] as const,
  );
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The TeX of each formula inside `scope`, in order (KaTeX keeps it in the MathML annotation). */
const texOf = (scope: Locator) => scope.locator('annotation[encoding="application/x-tex"]').allTextContents();

/** `scope`'s text as the reader sees it, with each formula replaced by `$TeX$` and paragraph links dropped. */
const proseOf = (scope: Locator) =>
  scope.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('.para-link').forEach((a) => a.remove());
    copy.querySelectorAll('.katex').forEach((k) => k.replaceWith(`$${k.querySelector('annotation')!.textContent}$`));
    return copy.textContent!.trim();
  });

const occurrences = (text: string, part: string) => text.split(part).length - 1;

test.describe('copying math', () => {
  test.beforeEach(async ({ page }) => {
    test.slow(); // chapter 4 is the book's heaviest page
    await page.goto('/chapter-04/');
  });

  test('§4.1’s paragraph after (4.1) copies each formula once, as $TeX$, with its Chinese intact', async ({ page }) => {
    const paragraph = page.locator('p', { hasText: '为输入数据' }).first();
    const tex = await texOf(paragraph);
    expect(tex.length).toBeGreaterThanOrEqual(8);
    const text = await copy(page, paragraph);
    for (const t of tex) expect(occurrences(text, `$${t}$`), t).toBe(1);
    expect(text).not.toContain('\u200b');
    expect(text.replace(/#$/, '').trim()).toBe(await proseOf(paragraph));
  });

  test('formula (4.1) with the prose around it copies once, as $$TeX$$, without stray line breaks inside', async ({ page }) => {
    const before = page.locator('p', { hasText: '以下是一个简化的数学模型示例' }).first();
    const after = page.locator('p', { hasText: '为输入数据' }).first();
    const [display] = await texOf(page.locator('#eq-4-1'));
    const text = await copy(page, before, after);
    expect(occurrences(text, `$$${display}$$`)).toBe(1);
    expect(occurrences(text, display)).toBe(1);
    expect(text).not.toContain('\u200b');
    expect(text).toContain('大模型的数学模型主要包括神经网络架构、激活函数、损失函数等。以下是一个简化的数学模型示例：');
    for (const t of await texOf(after)) expect(occurrences(text, `$${t}$`), t).toBe(1);
  });
});

test('the copy handler is bundled with the page, without KaTeX’s renderer', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') scripts.push(await res.text());
  });
  await page.goto('/chapter-04/');
  await page.waitForLoadState('networkidle');
  scripts.push(...(await page.locator('script:not([src])').allTextContents()));
  // copy-tex's own selector, and a message only KaTeX's parser (katex.js) contains.
  expect(scripts.some((s) => s.includes('.katex-mathml + .katex-html'))).toBe(true);
  expect(scripts.filter((s) => s.includes('KaTeX parse error'))).toEqual([]);
});
