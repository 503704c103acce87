/**
 * The book deployed under a sub-path (/book/, as GitHub Pages serves a project site): every
 * internal link stays under the base and resolves, and the widgets' own fetches (the stepper's
 * equations, the text lab's model) and search still work there.
 * Run with tests/playwright.base.config.ts against dist-base/ (npm run test:base).
 */
import { expect, test } from '@playwright/test';
import { BASE_PATH, DIST_BASE } from './support/base-site';
import { checkLinks } from './support/link-check';
import { searchRecall } from './support/search-recall';
import { openWidget } from './support/widgets';

test('every internal link and anchor resolves under the base', () => {
  const { checked, broken } = checkLinks(DIST_BASE, BASE_PATH);
  // The checker saw pages, anchors and assets, all addressed under the base.
  expect(checked).toEqual(expect.arrayContaining([`${BASE_PATH}chapter-04/ #eq-4-3`, `${BASE_PATH}chapter-01/ ${BASE_PATH}chapter-02/`]));
  expect(checked.some((c) => new RegExp(` ${BASE_PATH}_astro/.+\\.(css|js)$`).test(c))).toBe(true);
  expect(broken).toEqual([]);
});

test('the cover’s chapter list opens the chapters', async ({ page }) => {
  await page.goto(BASE_PATH);
  const list = page.locator('.chapter-list');
  await list.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`${BASE_PATH}chapter-01/$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await page.request.get(page.url())).status()).toBe(200);
});

test('the sidebar’s 我的进度 opens the progress page and marks it current', async ({ page }) => {
  await page.goto(`${BASE_PATH}chapter-01/`);
  await page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: '我的进度' }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE_PATH}progress/$`));
  await expect(page.getByRole('navigation', { name: '主要' }).getByRole('link', { name: '我的进度' })).toHaveAttribute('aria-current', 'page');
});

test('the §4.2 stepper fetches its steps: 下一步 shows typeset equations', async ({ page }) => {
  const widget = await openWidget(page, `${BASE_PATH}chapter-04/`, '动手：逐步执行反向传播');
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '0');
  await expect(widget.locator('.numbers li').first().locator('.katex')).toBeVisible();
});

test('the §5.2 text lab loads its model and generates text', async ({ page }) => {
  const widget = await openWidget(page, `${BASE_PATH}chapter-05/`, '动手：训练并运行 5.2 节的文本生成模型');
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: 20_000 });
  await expect(widget).not.toHaveAttribute('data-chars', '0');
  await expect(widget.locator('.output')).not.toHaveText('');
});

test('search finds the glossary terms’ pages under the base', async ({ page }) => {
  test.slow(); // one search per term, each loading index chunks and fragments
  expect(await searchRecall(page, DIST_BASE, BASE_PATH)).toEqual([]);
});
