/** An instructor links to one paragraph: the "#" control shows on focus, copies the link, and the link highlights its target. */
import { expect, test } from '@playwright/test';

test('a paragraph link shows on keyboard focus and copies the address of that paragraph', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/chapter-04/');
  const paragraph = page.locator('.sl-markdown-content > p[id^="p-"]').nth(2);
  const id = await paragraph.getAttribute('id');
  const link = paragraph.getByRole('link', { name: '本段链接' });
  await expect(link).toHaveCSS('opacity', '0');
  await link.focus();
  await expect(link).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已复制链接' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(page.url()).origin}/chapter-04/#${id}`);
});

test('opening a paragraph link scrolls to the paragraph and highlights it', async ({ page }) => {
  await page.goto('/chapter-04/');
  const id = await page.locator('.sl-markdown-content > p[id^="p-"]').last().getAttribute('id');
  await page.goto('about:blank');
  await page.goto(`/chapter-04/#${id}`);
  const target = page.locator(`#${id}`);
  await expect(target).toBeInViewport();
  await expect(target).toHaveCSS('outline-style', 'solid');
  await expect(page.locator('.sl-markdown-content > p[id^="p-"]').first()).toHaveCSS('outline-style', 'none');
});

test('formulas and figures have their own content ids', async ({ page }) => {
  await page.goto('/chapter-04/');
  await expect(page.locator('.equation .anchor-target[id^="m-"]').first()).toBeAttached();
  await expect(page.locator('figure.diagram[id^="f-"]').first()).toBeAttached();
  await expect(page.getByRole('link', { name: '本公式链接' }).first()).toBeAttached();
});
