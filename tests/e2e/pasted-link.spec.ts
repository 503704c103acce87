/**
 * A link pasted into a page that is already open changes only the hash: the browser keeps the
 * page. The widgets it names start from it as on a fresh visit; a section anchor or a widget's own
 * edits leave the page as it is; a link that names no widget is reported once.
 */
import { expect, test, type Page } from '@playwright/test';
import { hydrated, openWidget } from './support/widgets';

const EXPLORER = '动手：改动 x 和权重，看每一层的 z 与 a';
const open = (page: Page, hash = '') => openWidget(page, `/chapter-04/${hash}`, EXPLORER, { hover: true });
/** A value set on `window` survives only as long as the page is not reloaded. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { __samePage: true }));
const samePage = (page: Page) => page.evaluate(() => (window as { __samePage?: boolean }).__samePage === true);

test('a link pasted into the open page applies its settings to the widget', async ({ page }) => {
  const widget = await open(page, '#fx.x1=0.5');
  await expect(widget.getByRole('textbox', { name: 'x₁', exact: true })).toHaveValue('0.5');
  await mark(page);
  await Promise.all([page.waitForEvent('load'), page.evaluate(() => (location.hash = '#fx.x1=-1.5'))]);
  expect(await samePage(page)).toBe(false);
  await widget.hover();
  await hydrated(widget);
  await expect(widget.getByRole('textbox', { name: 'x₁', exact: true })).toHaveValue('-1.5');
});

test('a section anchor clicked in the open page keeps the page and what the widget shows', async ({ page }) => {
  const widget = await open(page);
  const x1 = widget.getByRole('textbox', { name: 'x₁', exact: true });
  await x1.fill('1.25');
  await x1.press('Enter');
  await expect(page).toHaveURL(/fx\.x1=1\.25/);
  await mark(page);
  await page.evaluate(() => (location.hash = '#sec-4-2'));
  await page.goBack();
  await expect(page).toHaveURL(/fx\.x1=1\.25/);
  expect(await samePage(page)).toBe(true);
  await expect(x1).toHaveValue('1.25');
});

test('a key given twice is reported in one sentence and its first value is used', async ({ page }) => {
  const widget = await open(page, '#fx.x1=0.5&fx.x1=2');
  await expect(widget.getByRole('textbox', { name: 'x₁', exact: true })).toHaveValue('0.5');
  await expect(widget.getByRole('status').filter({ hasText: '链接里的“fx.x1”出现了 2 次，只采用了第一个值。' })).toBeVisible();
  await expect(widget.getByRole('alert')).toHaveCount(0);
});

test('a damaged link that names no widget is reported once on the page, not by every widget', async ({ page }) => {
  await page.goto('/appendix-a/#sum=zzzz');
  const names = [
    '导览：跟着八步看懂这个小 Transformer',
    '动手：每个头在看哪里',
    '动手：逐步计算一个注意力头',
    '动手：Transformer 写诗，并与 LSTM 对比',
    '动手：在页面里训练 Transformer',
  ];
  for (const name of names) {
    const widget = page.getByRole('region', { name });
    await widget.scrollIntoViewIfNeeded();
    await hydrated(widget);
  }
  await expect(page.getByRole('alert').filter({ hasText: '链接不完整或已损坏' })).toHaveCount(1);
});
