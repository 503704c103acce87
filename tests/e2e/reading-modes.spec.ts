import { expect, test } from '@playwright/test';
import { useTheme } from './support/site';

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
    // A reader on the dark theme still prints the light diagrams.
    await useTheme(page, 'dark');
    await page.goto('/chapter-04/');
    const chrome = [
      page.locator('header.header'),
      // The sidebar's nav box has no height of its own; its fixed pane is what shows.
      page.getByRole('navigation', { name: '主要' }).locator('.sidebar-pane'),
      page.locator('starlight-toc'),
      page.locator('.pagination-links'),
    ];
    // On screen they are there (so "hidden" below cannot pass for a missing element).
    for (const el of chrome) await expect(el).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const el of chrome) await expect(el).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const formulas = page.locator('.equation .katex-html');
    await expect(formulas).toHaveCount(4);
    for (const f of await formulas.all()) await expect(f).toBeVisible();
    for (const fig of await page.locator('figure.diagram').all()) {
      await expect(fig.locator('.diagram-light > svg')).toBeVisible();
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
