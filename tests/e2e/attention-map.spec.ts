/**
 * 附录 A.4's attention map: selecting a character (by click or by the arrow keys) shows, in every
 * layer's every head, its weights on itself and each earlier character, and those numbers are the
 * checkpoint's, recomputed here in float64 (support/attention-reference.ts). Bad text gets a
 * notice, never NaN or U+FFFD; 让模型续写 and a copied link reproduce text and numbers; the
 * tensor count stays flat.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CONTEXT, inVocab, referenceMaps } from './support/attention-reference';
import { COMPUTE_TIMEOUT, hydrated, openWidget } from './support/widgets';

const REGION = '动手：每个头在看哪里';
const DEFAULT_TEXT = '床前明月光，疑是地上霜。';
const LONG = { timeout: COMPUTE_TIMEOUT };

const open = (page: Page) => openWidget(page, '/appendix-a/', REGION);
const charButton = (widget: Locator, i: number, c: string) => widget.getByRole('button', { name: `第 ${i + 1} 个字“${c}”`, exact: true });
const textbox = (widget: Locator) => widget.getByRole('textbox', { name: /^文字/ });

/** The text the strip shows, one entry per position. */
const shownText = (widget: Locator) => widget.getByRole('group', { name: '文字：选一个字' }).getByRole('button').allTextContents();

/**
 * The largest difference between what every head shows and the float64 weights of row `pos`
 * for `text`; Infinity when a head shows a different number of positions than pos + 1 (a future
 * position shown, or one missing), a number that is not one, or a row whose shown numbers do not
 * sum to 1 within their rounding.
 */
async function rowError(widget: Locator, text: string, pos: number): Promise<number> {
  const ref = await referenceMaps(text);
  let worst = 0;
  for (const [l, layer] of ref.entries()) {
    for (const [h, head] of layer.entries()) {
      const shown = (
        await widget
          .getByRole('figure', { name: `第 ${l + 1} 层 · 头 ${h + 1}`, exact: true })
          .locator('li .n')
          .allTextContents()
      ).map(Number);
      if (shown.length !== pos + 1 || shown.some((v) => !Number.isFinite(v))) return Infinity;
      if (Math.abs(shown.reduce((s, v) => s + v, 0) - 1) > 0.005 * shown.length + 1e-9) return Infinity;
      shown.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - head[pos][j]))));
      // The reference itself: nothing on the future, rows of 1.
      if (head[pos].slice(pos + 1).some((w) => w !== 0)) return Infinity;
    }
  }
  return worst;
}

/** Every head's row for `pos` of `text` matches the checkpoint (2 decimals, float16 and backend rounding). */
async function expectRows(widget: Locator, text: string, pos: number): Promise<void> {
  await expect.poll(() => rowError(widget, text, pos), LONG).toBeLessThanOrEqual(0.0051);
}

/** Types `text` into the field and waits for the map to finish. */
async function typeText(widget: Locator, text: string): Promise<void> {
  await textbox(widget).fill(text);
  await textbox(widget).press('Enter');
  await expect(widget).toHaveAttribute('data-busy', 'false', LONG);
}

/** Nothing on the widget reads NaN, undefined or U+FFFD. */
async function expectReadable(widget: Locator): Promise<void> {
  await expect(widget).not.toContainText(/NaN|undefined|\uFFFD/);
}

test('clicking a character shows its weights on itself and every earlier character, in every head, as the checkpoint computes them', async ({ page }) => {
  const widget = await open(page);
  await charButton(widget, 3, '月').click();
  await expect(charButton(widget, 3, '月')).toHaveAttribute('aria-pressed', 'true');
  await expectRows(widget, DEFAULT_TEXT, 3);
  await charButton(widget, 0, '床').click();
  await expectRows(widget, DEFAULT_TEXT, 0);
});

test('the arrow keys, Home and End move the selection, the focus follows, and every head follows', async ({ page }) => {
  const widget = await open(page);
  await charButton(widget, 10, '霜').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(charButton(widget, 9, '上')).toBeFocused();
  await expect(charButton(widget, 9, '上')).toHaveAttribute('aria-pressed', 'true');
  await expectRows(widget, DEFAULT_TEXT, 9);
  await page.keyboard.press('Home');
  await expect(charButton(widget, 0, '床')).toBeFocused();
  await expectRows(widget, DEFAULT_TEXT, 0);
  await page.keyboard.press('ArrowRight');
  await expect(charButton(widget, 1, '前')).toBeFocused();
  await expectRows(widget, DEFAULT_TEXT, 1);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(charButton(widget, 11, '。')).toBeFocused();
  await expectRows(widget, DEFAULT_TEXT, 11);
});

test('a typed text is read by the checkpoint: every head shows its weights', async ({ page }) => {
  const widget = await open(page);
  const text = '白日依山尽，黄河入海流。';
  await typeText(widget, text);
  await expect.poll(() => shownText(widget)).toEqual([...text]);
  await charButton(widget, 6, '黄').click();
  await expectRows(widget, text, 6);
  await page.keyboard.press('ArrowRight');
  await expectRows(widget, text, 7);
});

test('an empty text gets a notice, and the map keeps the text it had and still answers', async ({ page }) => {
  const widget = await open(page);
  await typeText(widget, '');
  await expect(widget.getByRole('status').filter({ hasText: '文字为空' })).toBeVisible();
  await expect.poll(() => shownText(widget)).toEqual([...DEFAULT_TEXT]);
  await charButton(widget, 2, '明').click();
  await expectRows(widget, DEFAULT_TEXT, 2);
  await expectReadable(widget);
});

test('a text longer than the context keeps its last context-length characters, as generation does, with a notice', async ({ page }) => {
  const widget = await open(page);
  const context = await CONTEXT();
  const long = '春眠不觉晓，处处闻啼鸟。'.repeat(8);
  await typeText(widget, long);
  const total = [...long].length;
  await expect(widget.getByRole('status').filter({ hasText: `只读最后 ${context} 个字符，前面的 ${total - context} 个它看不到` })).toBeVisible(LONG);
  const kept = [...long].slice(-context).join('');
  await expect.poll(() => shownText(widget)).toEqual([...kept]);
  // The field keeps what the reader typed; the notice says what the model reads of it.
  await expect(textbox(widget)).toHaveValue(long);
  await widget.getByRole('group', { name: '文字：选一个字' }).getByRole('button').last().click();
  await expectRows(widget, kept, context - 1);
  await expectReadable(widget);
});

test('unknown characters and emoji are read as <unk>, named in a notice, and shown as typed — never NaN or U+FFFD', async ({ page }) => {
  const widget = await open(page);
  const rare = ['㐀', '䶵', '𠀀', '龘'];
  const unknown: string[] = [];
  for (const c of rare) if (!(await inVocab(c))) unknown.push(c);
  expect(unknown.length).toBeGreaterThan(0);
  const text = `明月😀${unknown[0]}光`;
  await typeText(widget, text);
  await expect(widget.getByRole('status').filter({ hasText: '不在模型的字符表中' })).toContainText(`“😀”、“${unknown[0]}”`);
  await expect.poll(() => shownText(widget)).toEqual([...text]);
  await charButton(widget, 4, '光').click();
  await expectRows(widget, text, 4);
  await expectReadable(widget);
});

test('a flag, a family emoji and an accented letter are named whole in the notice, not by their code points', async ({ page }) => {
  const widget = await open(page);
  await typeText(widget, '明月🇨🇳👨‍👩‍👧e\u0301光');
  const notice = widget.getByRole('status').filter({ hasText: '不在模型的字符表中' });
  await expect(notice).toContainText('“🇨🇳”、“👨‍👩‍👧”、“e\u0301” 不在模型的字符表中', LONG);
  // The family's joiners are part of the emoji, not stray invisible characters: said so, not reported as dropped junk.
  await expect(widget.getByRole('status').filter({ hasText: '“👨‍👩‍👧”里把各部分连成一个表情的不可见字符（U+200D）模型不读' })).toBeVisible();
  await expect(widget.getByRole('status').filter({ hasText: '已删去' })).toHaveCount(0);
  await expectReadable(widget);
});

test('a flag and an accented letter take one position per code point the model reads, each named as a part of its character; the field keeps the text as typed', async ({
  page,
}) => {
  const widget = await open(page);
  const text = '明🇨🇳e\u0301👨‍👩‍👧';
  await typeText(widget, text);
  const strip = widget.getByRole('group', { name: '文字：选一个字' });
  const part = (i: number, whole: string, k: number, code: string) =>
    strip.getByRole('button', { name: `第 ${i} 个字：“${whole}”的第 ${k} 个码位（${code}）`, exact: true });
  await expect(part(2, '🇨🇳', 1, 'U+1F1E8')).toBeVisible(LONG);
  await expect(part(3, '🇨🇳', 2, 'U+1F1F3')).toBeVisible();
  await expect(part(4, 'e\u0301', 1, 'U+0065')).toHaveText('e');
  // The accent alone is drawn on a dotted circle, not on the box before it.
  await expect(part(5, 'e\u0301', 2, 'U+0301')).toHaveText('\u25CC\u0301');
  // The family's joiners are dropped for the model (it reads three emoji), each named by its place in the whole:
  // the 1st, 3rd and 5th code points, the gaps being the joiners; the reader's text keeps them.
  const family = '👨‍👩‍👧';
  await expect(part(6, family, 1, 'U+1F468')).toHaveText('👨');
  await expect(part(7, family, 3, 'U+1F469')).toHaveText('👩');
  await expect(part(8, family, 5, 'U+1F467')).toHaveText('👧');
  await expect(textbox(widget)).toHaveValue(text);
  await part(2, '🇨🇳', 1, 'U+1F1E8').click();
  await expect(widget.getByText('选中第 2 个字：“🇨🇳”的第 1 个码位（U+1F1E8），它能看到前面 2 个位置')).toBeAttached();
  await expectReadable(widget);
});

test('a text of spaces only is refused as §9.2 and §10.4 refuse it, and the map keeps its text', async ({ page }) => {
  const widget = await open(page);
  await typeText(widget, '   ');
  await expect(widget.getByRole('status').filter({ hasText: '文字只有空白：请输入至少一个字。' })).toBeVisible();
  await expect.poll(() => shownText(widget)).toEqual([...DEFAULT_TEXT]);
});

test('the notice about a too-long text goes as soon as the text is fixed', async ({ page }) => {
  const widget = await open(page);
  const context = await CONTEXT();
  await typeText(widget, '春'.repeat(context + 1));
  const cut = widget.getByRole('status').filter({ hasText: `文字有 ${context + 1} 个字符` });
  await expect(cut).toBeVisible(LONG);
  await typeText(widget, '春眠不觉晓');
  await expect(cut).toHaveCount(0);
  await expect.poll(() => shownText(widget)).toEqual([...'春眠不觉晓']);
});

test('a text of broken characters (U+FFFD) says the link may be damaged, as the stepper does, and the map keeps its text', async ({ page }) => {
  const widget = await open(page);
  await typeText(widget, '\uFFFD\uFFFD');
  const notice = widget.getByRole('status').filter({ hasText: '无法识别的字符（U+FFFD）' });
  await expect(notice).toContainText('可能是链接在转发时损坏了');
  await expect(notice).not.toContainText('没有可以显示');
  await expect.poll(() => shownText(widget)).toEqual([...DEFAULT_TEXT]);
});

test('a link’s refused text is explained once, after one “链接中的设置有误” prefix', async ({ page }) => {
  const widget = await openWidget(page, '/appendix-a/#map.text=%EF%BF%BD', REGION);
  const alert = widget.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveText(/^链接中的设置有误，已改用默认值：文字里有无法识别的字符（U\+FFFD）/);
  expect(((await alert.textContent()) ?? '').match(/链接中/g)).toHaveLength(1);
  await expect.poll(() => shownText(widget)).toEqual([...DEFAULT_TEXT]);
});

test('a link’s position or head out of range is named as the page counts them, from 1', async ({ page }) => {
  const widget = await openWidget(page, '/appendix-a/#map.pos=64&map.head=4', REGION);
  await expect(widget.getByRole('alert').filter({ hasText: '链接里的 map.pos' })).toHaveText(
    '链接中的设置有误，已改用默认值：选中的位置（链接里的 map.pos，0 是第 1 个字）必须在 0 到 63 之间，收到 64。',
  );
  await expect(widget.getByRole('alert').filter({ hasText: '链接里的 map.head' })).toHaveText(
    '链接中的设置有误，已改用默认值：头（链接里的 map.head，0 是头 1）必须在 0 到 3 之间，收到 4。',
  );
});

test('control characters are dropped with a notice', async ({ page }) => {
  const widget = await open(page);
  await textbox(widget).evaluate((el: HTMLInputElement) => {
    el.value = '明\u0007月\u200b光';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(widget.getByRole('status').filter({ hasText: '删去 2 个' })).toBeVisible(LONG);
  await expect(widget.getByRole('status').filter({ hasText: '删去 2 个' })).toContainText('（U+0007、U+200B）');
  await expect.poll(() => shownText(widget)).toEqual(['明', '月', '光']);
  await expectReadable(widget);
});

test('让模型续写 adds characters the model wrote and shows their weights, with the tensor count flat', async ({ page }) => {
  const widget = await open(page);
  await typeText(widget, '白日依山尽');
  const tensors = Number(await widget.getAttribute('data-tensors'));
  expect(tensors).toBeGreaterThan(0);
  const write = widget.getByRole('button', { name: /^让模型续写/ });
  await write.click();
  await expect.poll(async () => (await shownText(widget)).length, LONG).toBe(13);
  await expect(widget).toHaveAttribute('data-busy', 'false', LONG);
  const text = (await shownText(widget)).join('');
  expect(text.startsWith('白日依山尽')).toBe(true);
  await expect(charButton(widget, 12, [...text][12])).toHaveAttribute('aria-pressed', 'true');
  await expectRows(widget, text, 12);
  await expect(widget).toHaveAttribute('data-tensors', String(tensors));
  await write.click();
  await expect.poll(async () => (await shownText(widget)).length, LONG).toBe(21);
  await expect(widget).toHaveAttribute('data-busy', 'false', LONG);
  await expect(widget).toHaveAttribute('data-tensors', String(tensors));
  await expectReadable(widget);
});

test('复制链接 gives a link that opens the same text, selection and numbers', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await open(page);
  const seed = widget.getByRole('textbox', { name: '随机种子' });
  await seed.fill('7');
  await seed.press('Enter');
  await typeText(widget, '春眠不觉晓');
  await widget.getByRole('button', { name: /^让模型续写/ }).click();
  await expect.poll(async () => (await shownText(widget)).length, LONG).toBe(13);
  await expect(widget).toHaveAttribute('data-busy', 'false', LONG);
  const text = (await shownText(widget)).join('');
  await charButton(widget, 4, '晓').click();
  await widget.getByRole('button', { name: '复制链接' }).click();
  await expect(widget.getByRole('status').filter({ hasText: '链接已复制' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toContain('map.pos=4');

  const other = await (await browser.newContext()).newPage();
  await other.goto(url);
  const copy = other.getByRole('region', { name: REGION });
  await copy.scrollIntoViewIfNeeded();
  await hydrated(copy);
  await expect.poll(() => shownText(copy), LONG).toEqual([...text]);
  await expect(charButton(copy, 4, '晓')).toHaveAttribute('aria-pressed', 'true');
  await expectRows(copy, text, 4);
  // The same seed writes the same continuation.
  await typeText(copy, '春眠不觉晓');
  await copy.getByRole('button', { name: /^让模型续写/ }).click();
  await expect.poll(async () => (await shownText(copy)).join(''), LONG).toBe(text);
  await other.context().close();
});
