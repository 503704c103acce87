import { expect, test } from '@playwright/test';
import { parseSectionHeading } from '../../src/lib/book/sections';
import { chapters, parts } from './support/site';

test.describe('reading the book in order', () => {
  for (const ch of parts) {
    test(`${ch.path} shows its title and numbered sections`, async ({ page }) => {
      await page.goto(ch.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ch.title);
      const h2 = await page.locator('.sl-markdown-content h2').allTextContents();
      expect(h2.map((t) => parseSectionHeading(t)?.number).filter(Boolean)).toEqual(ch.sections);
      for (const id of ch.sectionIds) {
        await expect(page.locator(`.sl-markdown-content h2#${id}`)).toBeAttached();
      }
    });
  }

  test('the sidebar lists the chapters in reading order', async ({ page }) => {
    await page.goto('/chapter-01/');
    const nav = page.getByRole('navigation', { name: '主要' });
    const links = await nav.getByRole('link').allTextContents();
    // Each chapter link ends with its reading progress, e.g. "0/3".
    expect(links.map((t) => t.trim().replace(/\s*\d+\/\d+$/, '')).filter((t) => /^\d+\./.test(t))).toEqual(chapters.map((c) => c.title));
  });

  test('prev/next links walk from one chapter to the next', async ({ page }) => {
    await page.goto('/chapter-04/');
    await page.getByRole('link', { name: /下一页/ }).click();
    await expect(page).toHaveURL(/\/chapter-05\/$/);
    await page.getByRole('link', { name: /上一页/ }).click();
    await expect(page).toHaveURL(/\/chapter-04\/$/);
  });

  test('the landing page shows title, keywords, abstract and every chapter with its summary', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('《大模型：市场定位与技术创新》');
    await expect(page.getByText(/^关键词：大模型、市场定位/)).toBeVisible();
    await expect(page.getByText(/^摘要：本文旨在探讨/)).toBeVisible();
    const list = page.locator('.chapter-list li');
    await expect(list).toHaveCount(parts.length);
    await expect(list.nth(3).getByRole('link')).toHaveText(chapters[3].title);
    await expect(page.getByRole('heading', { name: '如何使用本书' })).toBeVisible();
  });

  test('a section heading offers a link to itself', async ({ page }) => {
    await page.goto('/chapter-04/');
    const anchor = page.locator('a.sl-anchor-link[href="#sec-4-2"]');
    await expect(anchor).toBeAttached();
  });

  test('the 404 page is in Chinese and the favicon is ours', async ({ page }) => {
    const res = await page.goto('/no-such-page/');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('404');
    await expect(page.getByText(/页面未找到/)).toBeVisible();
    await expect(page.locator('link[rel~="icon"]')).toHaveAttribute('href', '/favicon.svg');
    expect((await page.request.get('/favicon.svg')).ok()).toBe(true);
  });
});

// A long chapter is painted before the browser has parsed its text. Starlight's 本页内容 sidebar comes first in the HTML
// and is moved after the text by flex order; alone in its row it sat at the left edge, then jumped right (CLS 0.42).
test('at 1280 px, the 本页内容 sidebar is at the right edge even before the chapter text is parsed', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/chapter-02/');
  const toc = page.getByRole('complementary').filter({ has: page.getByRole('heading', { name: '本页内容' }) });
  const x = async () => (await toc.boundingBox())!.x;
  const laidOut = await x();
  // What the first paint saw: the sidebar without the text after it in the row.
  await page.locator('.main-pane').evaluate((pane) => pane.remove());
  expect(await x()).toBe(laidOut);
});
