import { expect, test } from '@playwright/test';

test.describe('formulas', () => {
  test('chapter 4 has the article’s four display formulas, numbered (4.1)–(4.4)', async ({ page }) => {
    await page.goto('/chapter-04/');
    const numbers = await page.locator('.equation .equation-number').allTextContents();
    expect(numbers).toEqual(['(4.1)', '(4.2)', '(4.3)', '(4.4)']);
    for (const n of [1, 2, 3, 4]) {
      const eq = page.locator(`#eq-4-${n}`);
      await expect(eq).toHaveClass(/\bequation\b/);
      await expect(eq.locator('.equation-number')).toHaveText(`(4.${n})`);
      await expect(eq.locator('.katex-display .katex')).toHaveCount(1);
    }
  });

  test('each numbered formula is KaTeX with MathML carrying the original TeX', async ({ page }) => {
    await page.goto('/chapter-04/');
    const tex = await page.locator('.equation .katex .katex-mathml math annotation[encoding="application/x-tex"]').allTextContents();
    expect(tex.map((t) => t.trim())).toEqual([
      'y = f(\\sigma(W_2 \\cdot \\sigma(W_1 \\cdot x + b_1) + b_2))',
      'z_l = W_l \\cdot a_{l-1} + b_l \\\\\na_l = \\sigma(z_l)',
      '\\delta_l = (y - a_l) \\cdot \\frac{d\\sigma}{dz} \\\\\n\\delta_{l-1} = \\delta_l \\cdot W_{l+1}^T',
      'W_l := W_l - \\alpha \\cdot \\delta_l \\cdot a_{l-1} \\\\\nb_l := b_l - \\alpha \\cdot \\delta_l',
    ]);
    await expect(page.locator('.equation .katex-display .katex-html').first()).toBeVisible();
  });

  // KaTeX's stylesheet is linked only where formulas are (remark-katex-css.ts, issue 12).
  test('KaTeX’s stylesheet shows each formula once on chapter 4, its MathML copy kept for screen readers but not shown', async ({ page }) => {
    await page.goto('/chapter-04/');
    const mathml = page.locator('#eq-4-1 .katex-mathml');
    await expect(mathml).toHaveCSS('position', 'absolute');
    await expect(mathml).toHaveCSS('clip-path', 'inset(50%)');
  });

  test('chapter 9, which has no formula, loads none of KaTeX’s styles', async ({ page }) => {
    await page.goto('/chapter-09/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // KaTeX's own rules name its fonts (its @font-face rules and font families); the book's CSS never does.
    const katexRules = await page.evaluate(
      () => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule.cssText.includes('KaTeX_')).length,
    );
    expect(katexRules).toBe(0);
  });

  test('a cross-reference in the prose jumps to its formula', async ({ page }) => {
    await page.goto('/chapter-04/');
    await expect(page.locator('#eq-4-3')).not.toBeInViewport();
    await page.locator('a[href="#eq-4-3"]').first().click();
    await expect(page).toHaveURL(/#eq-4-3$/);
    await expect(page.locator('#eq-4-3')).toBeInViewport();
  });

  test('the §4.2 erratum gives the corrected backpropagation equations', async ({ page }) => {
    await page.goto('/chapter-04/');
    const erratum = page.getByRole('complementary', { name: '勘误：反向传播公式' });
    await expect(erratum).toBeVisible();
    const tex = (await erratum.locator('annotation').allTextContents()).join('\n');
    expect(tex).toContain("\\big(W^{(l+1)}\\big)^{\\top} \\delta^{(l+1)} \\odot \\sigma'(z^{(l)})");
    expect(tex).toContain('\\delta^{(l)} \\big(a^{(l-1)}\\big)^{\\top}');
    // Its own formula is not numbered: numbering is for the article's formulas.
    await expect(erratum.locator('.equation-number')).toHaveCount(0);
  });

  for (const [path, title] of [
    ['/chapter-05/', '勘误：代码无法运行'],
    ['/chapter-06/', '勘误：BERT 不是视觉模型'],
    ['/chapter-08/', '勘误：Keras 与 Theano'],
  ]) {
    test(`${path} carries the erratum “${title}”`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('complementary', { name: title })).toBeVisible();
    });
  }
});
