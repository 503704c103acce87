/**
 * 附录 A.9's generation lab: the Transformer writes with the LSTM lab's controls, streaming with
 * its probability bars; side by side with the §5.2 LSTM, a copied link reproduces both texts;
 * bad prompts get a notice, never NaN, U+FFFD or a frozen page; keyboard, axe, tensors, no JS.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';
import { refusedThenTaken } from './support/refused-field';
import { holdWorkerMessages, twoFrames } from './support/held-messages';

const NAME = '动手：Transformer 写诗，并与 LSTM 对比';
const COMPARE = /并排对比/;
const open = (page: Page, hash = '') => openWidget(page, `/appendix-a/${hash}`, NAME);

const side = (widget: Locator, model: 'transformer' | 'lstm') => widget.locator(`.side[data-model="${model}"]`);
/** What `model` wrote, by the text's accessible name (“Transformer 生成的文本…”): one button per character. */
const charButtons = (widget: Locator, model: 'transformer' | 'lstm') =>
  widget.getByRole('group', { name: `${model === 'lstm' ? 'LSTM' : 'Transformer'} 生成的文本`, exact: false }).getByRole('button');

async function setField(widget: Locator, name: string, value: string) {
  const field = widget.getByLabel(name, { exact: true });
  await field.fill(value);
  await field.press('Enter');
  await field.blur();
}

async function setPrompt(widget: Locator, text: string) {
  await widget.getByLabel('开头文字').fill(text);
  await widget.getByLabel('开头文字').blur();
}

/** Clicks 生成 and waits for the run to end with `chars` characters from the Transformer. */
async function generate(widget: Locator, chars: number): Promise<void> {
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget).toHaveAttribute('data-chars', String(chars), { timeout: COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: COMPUTE_TIMEOUT });
}

/**
 * Clicks (or presses Enter on) 生成 with the workers' messages held, and hands them to the page
 * one by one until the Transformer's first characters show; the rest stay held, so the run is
 * still under way however fast the machine writes (release them with `releaseAll`).
 */
async function startHeld(page: Page, widget: Locator, press: () => Promise<void>): Promise<void> {
  await page.evaluate(() => window.heldWorkerMessages!.hold());
  await press();
  const held = () => page.evaluate(() => window.heldWorkerMessages!.types());
  while (Number(await widget.getAttribute('data-chars')) === 0) {
    // The next message may still be on its way from the worker.
    await expect.poll(held, { timeout: COMPUTE_TIMEOUT }).not.toEqual([]);
    await page.evaluate(() => window.heldWorkerMessages!.releaseOne());
    await twoFrames(page);
  }
  await expect(widget).toHaveAttribute('data-generating', 'true');
}

const releaseAll = (page: Page) => page.evaluate(() => window.heldWorkerMessages!.releaseAll());

/** What one model wrote, one button per character (↵ for a newline). */
async function written(widget: Locator, model: 'transformer' | 'lstm'): Promise<string> {
  return (await charButtons(widget, model).allTextContents()).join('');
}

/** The Transformer checkpoint's context length, as the page reads it. */
async function contextLength(page: Page): Promise<number> {
  const json = (await (await page.request.get('/models/transformer/model.json')).json()) as { modelTopology: { config: { contextLength: number } } };
  return json.modelTopology.config.contextLength;
}

/**
 * Clicks 生成 while `field` shows its error: the lab refuses with the shared message, moves focus
 * to the field, and writes nothing (generate() sets data-generating before its first await, so a
 * run would have shown by the time the refusal does).
 */
async function expectRefused(widget: Locator, field: Locator): Promise<void> {
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget.getByRole('alert').filter({ hasText: '请先改正上面标出的设置' })).toBeVisible();
  await expect(field).toBeFocused();
  await expect(widget).toHaveAttribute('data-generating', 'false');
  await expect(widget).toHaveAttribute('data-chars', '0');
}

/** No placeholder or broken number anywhere in the lab's text or bars. */
async function expectClean(widget: Locator): Promise<void> {
  const text = await widget.locator('.result').allInnerTexts();
  expect(text.join('')).not.toMatch(/\uFFFD|NaN|Infinity|undefined/);
}

test('side by side: a copied link reproduces both models’ texts in a fresh page', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await open(page);
  await widget.getByRole('checkbox', { name: COMPARE }).check();
  await setPrompt(widget, '白日依山尽');
  await setField(widget, '长度', '40');
  await setField(widget, '随机种子', '7');
  await generate(widget, 40);
  await expect(charButtons(widget, 'lstm')).toHaveCount(40, { timeout: COMPUTE_TIMEOUT });
  const gpt = await written(widget, 'transformer');
  const lstm = await written(widget, 'lstm');
  await expect(widget.getByRole('heading', { name: 'Transformer', exact: true })).toBeVisible();
  await expect(widget.getByRole('heading', { name: 'LSTM', exact: true })).toBeVisible();
  await expect(widget.getByRole('group', { name: /^Transformer 生成的文本/ })).toContainText('白日依山尽');
  await expect(widget.getByRole('group', { name: /^LSTM 生成的文本/ })).toContainText('白日依山尽');
  await widget.getByRole('button', { name: '复制链接' }).click();
  await expect(widget.getByRole('status').filter({ hasText: '链接已复制' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());

  const other = await browser.newPage();
  const again = await openWidget(other, url.replace(/^https?:\/\/[^/]+/, ''), NAME);
  await expect(again.getByRole('checkbox', { name: COMPARE })).toBeChecked();
  await generate(again, 40);
  await expect(charButtons(again, 'lstm')).toHaveCount(40, { timeout: COMPUTE_TIMEOUT });
  expect(await written(again, 'transformer')).toBe(gpt);
  expect(await written(again, 'lstm')).toBe(lstm);
  await other.close();
});

test('each side shows its own probability bars, marking the character drawn', async ({ page }) => {
  const widget = await open(page, '#gpt.cmp=1&gpt.len=12');
  await generate(widget, 12);
  for (const model of ['transformer', 'lstm'] as const) {
    const chars = charButtons(widget, model);
    await expect(chars).toHaveCount(12, { timeout: COMPUTE_TIMEOUT });
    await chars.nth(4).click();
    const bars = side(widget, model).locator('.bars');
    await expect(bars.locator('figcaption')).toContainText('第 5 个字');
    await expect(bars.locator('li.chosen .char')).toHaveText((await chars.nth(4).innerText()).replace('↵', '↵'));
  }
  await expectClean(widget);
});

test('the side-by-side view links to the LSTM lab in §5.2', async ({ page }) => {
  const widget = await open(page, '#gpt.cmp=1');
  const link = widget.getByRole('link', { name: '5.2 节的文本生成实验' });
  await link.click();
  await expect(page).toHaveURL(/\/chapter-05\/#/);
  const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
  await expect(page.locator(`[id="${target}"]`)).toHaveText('动手：训练并运行 5.2 节的文本生成模型');
});

test('the text streams in with the latest character’s bars while the model is still writing', async ({ page }) => {
  await holdWorkerMessages(page);
  const widget = await open(page, '#gpt.len=2000');
  // Record, at every change of the lab, whether it was writing, how far, and whether bars showed.
  await page.evaluate(`(() => {
    const lab = document.querySelector('.gptlab');
    window.__gptStates = [];
    new MutationObserver(() => {
      window.__gptStates.push({
        generating: lab.getAttribute('data-generating'),
        chars: Number(lab.getAttribute('data-chars')),
        bars: lab.querySelectorAll('.bars li.chosen').length,
      });
    }).observe(lab, { attributes: true, subtree: true, childList: true });
  })()`);
  await startHeld(page, widget, () => widget.getByRole('button', { name: '生成', exact: true }).click());
  await widget.getByRole('button', { name: '停止生成' }).click();
  await releaseAll(page);
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: COMPUTE_TIMEOUT });
  const states = (await page.evaluate('window.__gptStates')) as { generating: string; chars: number; bars: number }[];
  const streaming = states.filter((s) => s.generating === 'true' && s.chars > 0);
  expect(streaming.length).toBeGreaterThan(0);
  expect(streaming.filter((s) => s.bars !== 1)).toEqual([]);
  await expectClean(widget);
});

test('an empty prompt writes from the start of a poem, and says so', async ({ page }) => {
  const widget = await open(page, '#gpt.len=10');
  await setPrompt(widget, '');
  await generate(widget, 10);
  await expect(widget.getByRole('status').filter({ hasText: '开头文字是空的' })).toBeVisible();
  await expectClean(widget);
});

test('a prompt longer than the context: the notice says the model reads only its last characters', async ({ page }) => {
  const widget = await open(page, '#gpt.len=10');
  const context = await contextLength(page);
  await setPrompt(widget, '春眠不觉晓，处处闻啼鸟。'.repeat(8).slice(0, context + 16));
  await generate(widget, 10);
  await expect(widget.getByRole('status').filter({ hasText: '上下文长度' })).toContainText(`只读最后 ${context} 个字符`);
  await expectClean(widget);
});

test('unknown characters and emoji are read as <unk>, with a notice naming them', async ({ page }) => {
  const widget = await open(page, '#gpt.len=10&gpt.cmp=1');
  await setPrompt(widget, '春😀𠀀');
  await generate(widget, 10);
  await expect(widget.getByRole('status').filter({ hasText: '<unk>' })).toContainText('“😀”、“𠀀”');
  await expect(side(widget, 'transformer').locator('.output')).toContainText('春😀𠀀');
  await expectClean(widget);
});

test('a NUL in the prompt is dropped before the model reads it, from the page too, with a notice naming it', async ({ page }) => {
  const widget = await open(page, `#gpt.len=5&gpt.prompt=${encodeURIComponent('春\u0000眠')}`);
  await generate(widget, 5);
  await expect(side(widget, 'transformer').locator('.prompt')).toHaveText('春眠');
  expect(await side(widget, 'transformer').locator('.output').textContent()).not.toContain('\u0000');
  await expect(widget.getByRole('status').filter({ hasText: '已删去' })).toContainText('U+0000');
  await expectClean(widget);
});

test('a prompt over the length limit is refused with a message giving its true length, and 生成 refuses until it is fixed', async ({ page }) => {
  const widget = await open(page, '#gpt.len=5');
  // A long paste is not cut by the field first: the message counts what the reader pasted.
  await setPrompt(widget, '字'.repeat(10_000));
  await expect(widget.getByRole('alert').filter({ hasText: '开头文字不能超过' })).toContainText('开头文字不能超过 100 个字符，收到 10000 个');
  await expectRefused(widget, widget.getByLabel('开头文字'));
  await setPrompt(widget, '白日依山尽');
  await expect(widget.getByRole('alert')).toHaveCount(0);
  await generate(widget, 5);
  await expect(side(widget, 'transformer').locator('.prompt')).toHaveText('白日依山尽');
});

test('a refused prompt or number stays in its field beside its message, and the previous text typed again is taken', async ({ page }) => {
  const widget = await open(page, '#gpt.len=5');
  const prompt = widget.getByLabel('开头文字');
  await refusedThenTaken(prompt, widget.getByRole('alert').filter({ hasText: '开头文字不能超过' }), [['字'.repeat(101), '收到 101 个']], '春眠不觉晓');
  await expect(widget.getByRole('alert')).toHaveCount(0);
  const t = widget.getByLabel('温度', { exact: true });
  await refusedThenTaken(t, widget.getByRole('alert').filter({ hasText: '温度' }), [['', '不能为空']], '0.8');
  await expect(widget.getByRole('alert')).toHaveCount(0);
});

test('a text keeps the prompt and temperature it was written with until the next 生成', async ({ page }) => {
  const widget = await open(page, '#gpt.len=5&gpt.t=0.8');
  const label = side(widget, 'transformer').locator('.output .prompt');
  const caption = side(widget, 'transformer').locator('figure.bars figcaption');
  await setPrompt(widget, '白日依山尽');
  await generate(widget, 5);
  await expect(label).toHaveText('白日依山尽');
  await setPrompt(widget, '床前明月光');
  await setField(widget, '温度', '1.5');
  // The text on the page is still the first run's: so are its prompt and the temperature its bars name.
  await expect(label).toHaveText('白日依山尽');
  await expect(caption).toContainText('温度 0.8');
  await generate(widget, 5);
  await expect(label).toHaveText('床前明月光');
  await expect(caption).toContainText('温度 1.5');
});

test('生成 takes away the last run’s text and its notices at once, before the new run’s models have loaded', async ({ page }) => {
  const widget = await open(page, '#gpt.len=5');
  await setPrompt(widget, '春😀');
  await generate(widget, 5);
  const unk = widget.getByRole('status').filter({ hasText: '<unk>' });
  await expect(unk).toContainText('😀');
  await setPrompt(widget, '春眠');
  // The LSTM's checkpoint is held back until the page has been checked mid-load.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/models/poetry/weights.bin', async (route) => {
    await held;
    await route.continue();
  });
  await widget.getByRole('checkbox', { name: COMPARE }).check();
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget.getByRole('status').filter({ hasText: '正在加载 LSTM 检查点' })).toBeVisible();
  await expect(unk).toHaveCount(0);
  await expect(widget).toHaveAttribute('data-chars', '0');
  release();
  await expect(widget).toHaveAttribute('data-chars', '5', { timeout: COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: COMPUTE_TIMEOUT });
  await expect(unk).toHaveCount(0);
  await expect(side(widget, 'transformer').locator('.output .prompt')).toHaveText('春眠');
});

test('a length the field marks as wrong makes 生成 refuse, focusing that field, instead of writing with the last good length', async ({ page }) => {
  const widget = await open(page, '#gpt.len=5');
  await setField(widget, '长度', 'abc');
  await expectRefused(widget, widget.getByLabel('长度', { exact: true }));
});

test('NaN or Infinity, linked or typed, is named in words: the page never shows NaN', async ({ page }) => {
  const widget = await open(page, '#gpt.seed=NaN');
  await expect(widget.getByRole('alert').filter({ hasText: '随机种子' })).toHaveText(
    '链接中的设置有误，已改用默认值：随机种子必须是数字，不能是“非数”或无穷大。',
  );
  await setField(widget, '温度', 'Infinity');
  await expect(widget.getByRole('alert').filter({ hasText: '温度' })).toHaveText('温度必须是数字，不能是“非数”或无穷大。');
  await expect(widget).not.toContainText(/NaN|Infinity/);
});

test('a damaged link’s U+FFFD never reaches the field: it is dropped with the damaged-link message', async ({ page }) => {
  // %E7 alone is a cut UTF-8 sequence: the link decodes it to U+FFFD.
  const widget = await open(page, '#gpt.len=5&gpt.prompt=%E6%98%A5%E7');
  await expect(widget.getByLabel('开头文字')).toHaveValue('春');
  const notice = widget.getByRole('status').filter({ hasText: 'U+FFFD' });
  await expect(notice).toContainText('可能是链接在转发时损坏了');
  await expect(notice).not.toContainText('控制字符');
  await generate(widget, 5);
  await expect(side(widget, 'transformer').locator('.prompt')).toHaveText('春');
  await expectClean(widget);
});

test('a linked NUL is dropped from the field at once, with the notice a typed one gets', async ({ page }) => {
  const widget = await open(page, '#gpt.prompt=%00');
  await expect(widget.getByLabel('开头文字')).toHaveValue('');
  await expect(widget.getByRole('status').filter({ hasText: '已删去' })).toContainText('1 个控制字符或不可见字符（U+0000）已删去');
});

test('keyboard: Space turns comparison on, Enter on 生成 writes and keeps focus, Enter on 停止生成 ends it', async ({ page }) => {
  await holdWorkerMessages(page);
  const widget = await open(page, '#gpt.len=2000');
  const compare = widget.getByRole('checkbox', { name: COMPARE });
  await compare.focus();
  await page.keyboard.press('Space');
  await expect(compare).toBeChecked();
  await page.keyboard.press('Tab');
  const start = widget.getByRole('button', { name: '生成', exact: true });
  await expect(start).toBeFocused();
  await startHeld(page, widget, () => page.keyboard.press('Enter'));
  await expect(start).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: '停止生成' })).toBeFocused();
  await page.keyboard.press('Enter');
  await releaseAll(page);
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: COMPUTE_TIMEOUT });
  await expect(charButtons(widget, 'lstm').first()).toBeVisible();
});

test('the tensor count is the same after a short run and a run that slides past the context', async ({ page }) => {
  // Long runs on a loaded 2-core machine: the wait is an upper bound, not a speed.
  test.setTimeout(480_000);
  const widget = await open(page, '#gpt.len=4');
  const context = await contextLength(page);
  await generate(widget, 4);
  const after = await widget.getAttribute('data-tensors');
  expect(Number(after)).toBeGreaterThan(0);
  // The prompt and a line break plus this many characters slide the KV cache at least once.
  await setField(widget, '长度', String(context + 8));
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget).toHaveAttribute('data-chars', String(context + 8), { timeout: 4 * COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: COMPUTE_TIMEOUT });
  expect(await widget.getAttribute('data-tensors')).toBe(after);
});

test('the lab has no axe violations after writing side by side', async ({ page }) => {
  const widget = await open(page, '#gpt.cmp=1&gpt.len=12');
  await generate(widget, 12);
  const { violations } = await new AxeBuilder({ page }).include('.gptlab').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('without JavaScript, a text written at build time stands in, labelled as static', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/appendix-a/');
  const figure = page.locator('figure.gpt-sample');
  await expect(figure.locator('figcaption')).toContainText('示例（静态）');
  const text = await figure.locator('p').innerText();
  expect(text.length).toBeGreaterThan('春眠不觉晓'.length);
  expect(text).not.toMatch(/\uFFFD|NaN|undefined/);
  await context.close();
});
