import { expect, test } from '@playwright/test';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('chapter 4 still shows its text, formulas and a diagram', async ({ page }) => {
    await page.goto('/chapter-04/');
    await expect(page.getByText('大模型的数学模型主要包括神经网络架构、激活函数、损失函数等。')).toBeVisible();
    await expect(page.locator('.equation .katex-html').first()).toBeVisible();
    const visibleDiagrams = page.locator('figure.diagram .diagram-variant:visible > svg');
    await expect(visibleDiagrams).toHaveCount(await page.locator('figure.diagram').count());
  });
});

test.describe('printing a chapter', () => {
  test('hides the navigation and keeps text, formulas and diagrams', async ({ page }) => {
    await page.goto('/chapter-04/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.header')).toBeHidden();
    await expect(page.getByRole('navigation', { name: '主要' })).toBeHidden();
    await expect(page.locator('starlight-toc')).toBeHidden();
    await expect(page.locator('.pagination-links')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.equation .katex-html').nth(3)).toBeVisible();
    for (const fig of await page.locator('figure.diagram').all()) {
      await expect(fig.locator('.diagram-light')).toBeVisible();
      await expect(fig.locator('.diagram-dark')).toBeHidden();
    }
  });

  test('keeps code listings whole', async ({ page }) => {
    await page.goto('/chapter-05/');
    await page.emulateMedia({ media: 'print' });
    const code = page.locator('.expressive-code pre').first();
    await expect(code).toBeVisible();
    await expect(code).toContainText('print(decoded_text)');
  });
});
