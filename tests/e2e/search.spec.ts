import { expect, test, type Page } from '@playwright/test';

/** Opens Starlight's search dialog, types a query, and returns the result links in rank order. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.goto('/');
  await page.getByRole('button', { name: /搜索/ }).click();
  const dialog = page.getByRole('dialog', { name: '搜索' });
  await dialog.getByRole('textbox', { name: '搜索' }).fill(query);
  const message = dialog.locator('.pagefind-ui__message');
  // "正在搜索…" also names the query; wait for the final count ("找到 N 个…" or "没有找到…").
  await expect(message).toHaveText(new RegExp(`(找到 \\d+ 个|没有找到)“${query}”`), { timeout: 15_000 });
  // Result entries render after the count, each once its fragment has loaded.
  if (!(await message.innerText()).startsWith('没有')) await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  return dialog.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test.describe('Chinese search', () => {
  test('“梯度” finds the two chapters about gradients first: §3.1’s erratum (backpropagation computes them) and §4.2 (their formulas)', async ({ page }) => {
    const pages = [...new Set(await search(page, '梯度'))]; // a page's sections are listed under it with its path
    expect(pages.slice(0, 2).sort()).toEqual(['/chapter-03/', '/chapter-04/']);
  });

  for (const [query, chapter] of [
    ['过拟合', '/chapter-10/'],
    // §4.2 derives backpropagation and its errata corrects it; §3.1 only names it.
    ['反向传播', '/chapter-04/'],
  ] as const) {
    test(`“${query}” finds ${chapter} first`, async ({ page }) => {
      const results = await search(page, query);
      expect(results[0]).toBe(chapter);
    });
  }

  test('“cdot”, in the TeX of every chapter-4 formula, does not find chapter 4', async ({ page }) => {
    // Pagefind's loose matching still finds the letter "c" elsewhere (chapter 5's code, "C ≈ 6·N·D" in
    // chapter 2's exercise); what must not be found is chapter 4, where "cdot" is only in formula TeX.
    const results = await search(page, 'cdot');
    expect(results).not.toContain('/chapter-04/');
  });

  test('formula source is not indexed', async ({ page }) => {
    // Commands that occur only in TeX source. Pagefind's loose matching may still return a page
    // for a prefix ("frac" reaches the diagram label "y = f(a⁽²⁾)"), so what must never appear
    // is the command itself in what pagefind indexed.
    await page.goto('/');
    for (const tex of ['frac', 'sigma', 'mathcal', 'odot', 'cdot']) {
      const excerpts = await page.evaluate(async (q) => {
        const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
        const found = await pf.search(q);
        return Promise.all(
          found.results.map(async (r: { data: () => Promise<{ url: string; excerpt: string }> }) => {
            const d = await r.data();
            return `${d.url} ${d.excerpt}`;
          }),
        );
      }, tex);
      expect(
        excerpts.filter((e) => e.toLowerCase().includes(tex)),
        tex,
      ).toEqual([]);
    }
  });
});
