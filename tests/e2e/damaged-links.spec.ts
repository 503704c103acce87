/**
 * Links that arrive damaged from chat apps, mail and learning platforms. Harmless changes load
 * the same assignment or settings; a link cut short or with characters added is refused with
 * 链接不完整或已损坏 and nothing from it is applied; a malformed `%` never breaks the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { encodeAssignment } from '../../src/lib/assign/codec';
import { DEFAULT_CONFIG } from '../../src/lib/nn/config';
import { signFragment } from '../../src/lib/url/fragment';
import { hydrated, openWidget } from './support/widgets';

/** What the browser shows for a character glued on after the link. */
const glued = (tail: string) => encodeURI(tail);
const repairs = (link: string): [string, string][] => [
  ['the fragment percent-encoded once more', encodeURIComponent(link)],
  ...['。', '）', ')', '.'].map((tail): [string, string] => [`a trailing ${tail}`, link + glued(tail)]),
];
const damages = (link: string): [string, string][] => [
  ...[1, 5, 20].map((n): [string, string] => [`cut short by ${n} characters`, link.slice(0, -n)]),
  ['random characters appended', `${link}q7Zk2`],
];

test.describe('an assignment link', () => {
  const assignment = {
    title: '第 4 章作业',
    due: '2026-12-01',
    notes: '先读 4.2，再做练习 4.4。',
    items: [{ k: 'sec', id: 'sec-4-2' } as const, { k: 'ex', id: 'ex-4-4' } as const],
  };
  const fragment = `a=${encodeAssignment(assignment)}`;

  async function open(page: Page, hash: string) {
    await page.goto(`/assignment/#${hash}`);
    await hydrated(page.locator('.assignment'));
  }

  test('made by the builder has a + that a chat app can mangle', () => {
    expect(fragment).toContain('+');
  });

  for (const [name, hash] of [
    ['+ turned into a space', fragment.replaceAll('+', ' ')],
    ['+ turned into %20', fragment.replaceAll('+', '%20')],
    ...repairs(fragment),
  ]) {
    test(`loads the same assignment with ${name}`, async ({ page }) => {
      await open(page, hash);
      await expect(page.getByRole('heading', { name: assignment.title })).toBeVisible();
      await expect(page.getByText(assignment.notes)).toBeVisible();
      await expect(page.locator('.checklist li')).toHaveCount(2);
    });
  }

  for (const [name, hash] of damages(fragment)) {
    test(`${name} says 链接不完整或已损坏 and shows and keeps nothing`, async ({ page }) => {
      await open(page, hash);
      await expect(page.getByRole('alert')).toContainText('链接不完整或已损坏');
      await expect(page.getByRole('heading', { name: assignment.title })).toHaveCount(0);
      await expect(page.locator('.checklist')).toHaveCount(0);
      expect(await page.evaluate(() => localStorage.getItem('dmx.assignments'))).toBeNull();
    });
  }
});

test.describe('a widget settings link', () => {
  const TRAIN = '动手：观察五步训练循环';
  const fragment = signFragment(new URLSearchParams({ 'train.dataset': 'xor', 'train.lr': '0.1', 'train.batch': '20' }));

  test('from the builder is signed, and differs from the defaults', () => {
    expect(fragment).toMatch(/^sum=\w{7}&train\./);
    expect([DEFAULT_CONFIG.dataset, DEFAULT_CONFIG.lr, DEFAULT_CONFIG.batch]).not.toEqual(['xor', 0.1, 20]);
  });

  for (const [name, hash] of repairs(fragment)) {
    test(`loads the same settings with ${name}`, async ({ page }) => {
      const widget = await openWidget(page, `/chapter-03/#${hash}`, TRAIN);
      await expect(widget.getByRole('combobox', { name: '数据集' })).toHaveValue('xor');
      await expect(widget.getByRole('textbox', { name: '学习率' })).toHaveValue('0.1');
      await expect(widget.getByRole('textbox', { name: '批大小' })).toHaveValue('20');
      await expect(widget.getByRole('alert')).toHaveCount(0);
    });
  }

  for (const [name, hash] of damages(fragment)) {
    test(`${name} says 链接不完整或已损坏 and applies nothing`, async ({ page }) => {
      const widget = await openWidget(page, `/chapter-03/#${hash}`, TRAIN);
      await expect(widget.getByRole('alert')).toContainText('链接不完整或已损坏');
      await expect(widget.getByRole('combobox', { name: '数据集' })).toHaveValue(DEFAULT_CONFIG.dataset);
      await expect(widget.getByRole('textbox', { name: '学习率' })).toHaveValue(String(DEFAULT_CONFIG.lr));
      await expect(widget.getByRole('textbox', { name: '批大小' })).toHaveValue(String(DEFAULT_CONFIG.batch));
    });
  }

  test('typed by hand with a 。 glued on by a chat app: the value is read without it, and the widget says it dropped the 。', async ({ page }) => {
    const widget = await openWidget(page, '/chapter-03/#train.lr=0.1。', TRAIN);
    await expect(widget.getByRole('textbox', { name: '学习率' })).toHaveValue('0.1');
    await expect(widget.getByRole('status').filter({ hasText: '链接末尾的“。”已忽略（转发时常有标点粘在链接末尾）。' })).toBeVisible();
  });

  test('the dropped 。 is a notice (status), not an alert: it is a repair, nothing the reader asked for was refused', async ({ page }) => {
    const widget = await openWidget(page, '/chapter-03/#train.lr=0.1。', TRAIN);
    await expect(widget.getByRole('status').filter({ hasText: '链接末尾的“。”已忽略' })).toHaveCount(1);
    await expect(widget.getByRole('alert')).toHaveCount(0);
  });

  test('typed by hand with a 。 glued onto another widget’s value: this widget says nothing', async ({ page }) => {
    const widget = await openWidget(page, '/chapter-03/#train.lr=0.1&fx.x1=1。', TRAIN);
    await expect(widget.getByRole('textbox', { name: '学习率' })).toHaveValue('0.1');
    await expect(widget.getByRole('alert')).toHaveCount(0);
  });

  for (const [name, space] of [
    ['a space', ' '],
    ['%20', '%20'],
  ]) {
    test(`loads the same prompt with its + turned into ${name}`, async ({ page }) => {
      const prompt = signFragment(new URLSearchParams({ 'tg.prompt': '春眠 不觉晓' }));
      expect(prompt).toContain('+');
      const widget = await openWidget(page, `/chapter-05/#${prompt.replace('+', space)}`, '动手：训练并运行 5.2 节的文本生成模型');
      await expect(widget.getByRole('textbox', { name: '开头文字' })).toHaveValue('春眠 不觉晓');
      await expect(widget.getByRole('alert')).toHaveCount(0);
    });
  }
});

test('a malformed % in a chapter’s link leaves reading progress working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/chapter-04/#%E0%A4%A');
  const toggle = page.getByRole('button', { name: /^已读：4\.2/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('nav.sidebar a[href$="/chapter-04/"] .read-count')).toHaveText(/^[1-9]\d*\/\d+$/);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('dmx.progress') ?? '{}').sections?.['sec-4-2']?.how)).toBe('manual');
  expect(errors).toEqual([]);
});

test('a damaged link is reported once, by the widget whose settings it carries, and only there', async ({ page }) => {
  await page.goto('/appendix-a/#sum=zzzz&gpt.t=1.2');
  const named = page.getByRole('region', { name: '动手：Transformer 写诗，并与 LSTM 对比' });
  const others = ['导览：跟着八步看懂这个小 Transformer', '动手：每个头在看哪里', '动手：逐步计算一个注意力头', '动手：在页面里训练 Transformer'];
  for (const name of others) {
    const widget = page.getByRole('region', { name });
    await widget.scrollIntoViewIfNeeded();
    await hydrated(widget);
    await expect(widget.getByRole('alert')).toHaveCount(0);
  }
  await named.scrollIntoViewIfNeeded();
  await hydrated(named);
  const alert = named.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('链接不完整或已损坏');
  await expect(alert).not.toContainText('链接中的设置有误');
  await expect(alert).not.toContainText('已改用默认值');
});
