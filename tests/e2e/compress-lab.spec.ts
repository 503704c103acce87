/**
 * §9.2 compression lab: each setting of each shipped checkpoint gets its size, validation
 * perplexity, top-1 agreement and greedy text; long work shows progress and can be cancelled;
 * bad input in the link or the field gets a clear message, never NaN.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MAX_PROMPT } from '../../src/lib/textgen/settings';
import { useTheme } from './support/site';
import { axeViolations, expectExerciseAccepts } from './support/widget-checks';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';
import { refusedThenTaken } from './support/refused-field';

const TITLE = '动手：压缩模型，看它损失了多少';
// Hydrated on first interaction (it is in the page's first screen): the reader's pointer comes first.
const open = (page: Page, hash = '') => openWidget(page, `/chapter-09/${hash}`, TITLE, { hover: true });

/** Six settings, each scored and writing: several computations' worth of waiting on a loaded machine. */
const RUN_TIMEOUT = 4 * COMPUTE_TIMEOUT;

async function run(widget: Locator): Promise<void> {
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  await expect(widget).toHaveAttribute('data-running', 'false', { timeout: RUN_TIMEOUT });
  await expect(widget).toHaveAttribute('data-rows', '6');
}

/** The bytes each setting should take, from the checkpoint's own model.json shapes (formulas as in the lab's note). */
async function expectedBytes(page: Page, dir: string, sparsity: number): Promise<number[]> {
  const json = (await (await page.request.get(`/models/${dir}/model.json`)).json()) as { weightsManifest: { weights: { shape: number[] }[] }[] };
  const shapes = json.weightsManifest[0].weights.map((w) => w.shape);
  const n = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const ch = (s: number[]) => (s.length > 1 ? s[s.length - 1] : 1);
  const sum = (f: (s: number[]) => number) => shapes.reduce((t, s) => t + f(s), 0);
  return [
    sum((s) => 2 * n(s)),
    sum((s) => 4 * n(s)),
    sum((s) => n(s) + 4),
    sum((s) => n(s) + 4 * ch(s)),
    sum((s) => Math.ceil(n(s) / 2) + 4 * ch(s)),
    sum((s) => (s.length > 1 ? 2 * (n(s) - Math.floor(sparsity * n(s))) + Math.ceil(n(s) / 8) : 2 * n(s))),
  ];
}

const rows = (widget: Locator) => widget.locator('tbody tr');
const cell = async (widget: Locator, row: number, col: number) => (await rows(widget).nth(row).locator('td').nth(col).innerText()).trim();

test.describe('on a phone, where the lab is at the end of the first screen', () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test('it waits for the reader’s pointer before it hydrates, even in view, and is ready after it (issue 12)', async ({ page }) => {
    await page.goto('/chapter-09/');
    const widget = page.getByRole('region', { name: TITLE });
    // In view without a pointer or focus on it (client:visible or client:near would hydrate now).
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toBeInViewport();
    await page.waitForLoadState('networkidle');
    const island = widget.locator('xpath=ancestor::astro-island');
    await expect(island).toHaveAttribute('ssr', '');
    await widget.hover();
    await expect(island).not.toHaveAttribute('ssr');
  });
});

test('every setting of the LSTM gets its size, perplexity, agreement and greedy text; the chart shows them all', async ({ page }) => {
  test.setTimeout(2 * RUN_TIMEOUT);
  const widget = await open(page, '#zip.sp=30');
  // Record whether a progress bar was ever shown, however fast the machine.
  await page.evaluate(`(() => {
    window.__zipProgress = false;
    new MutationObserver(() => { if (document.querySelector('.compresslab progress')) window.__zipProgress = true; })
      .observe(document.querySelector('.compresslab'), { subtree: true, childList: true });
  })()`);
  await run(widget);
  expect(await page.evaluate('window.__zipProgress')).toBe(true);
  await expect(widget.locator('[aria-live="polite"]')).toHaveText('评估完成：6 种设置。');
  const names = (await rows(widget).locator('th').allInnerTexts()).map((t) => t.trim());
  expect(names).toEqual(['float16（原模型：发布的检查点）', 'float32（解压后的计算格式）', 'int8 逐张量', 'int8 逐通道', 'int4 逐通道', '剪枝 30%']);
  const bytes = await expectedBytes(page, 'poetry', 0.3);
  // The original is the shipped checkpoint: its size is the weights.bin the page downloaded.
  expect(bytes[0]).toBe((await (await page.request.get('/models/poetry/weights.bin')).body()).length);
  for (let i = 0; i < 6; i++) expect((await cell(widget, i, 0)).split('\n')[0].replaceAll(',', '')).toBe(String(bytes[i]));
  // The original agrees with itself; float32 of a float16 checkpoint holds the same numbers.
  expect(await cell(widget, 0, 2)).toBe('100.0%');
  expect(await cell(widget, 1, 1)).toBe(await cell(widget, 0, 1));
  expect(await cell(widget, 1, 3)).toBe(await cell(widget, 0, 3));
  for (let i = 0; i < 6; i++) {
    expect(Number(await cell(widget, i, 1))).toBeGreaterThan(1);
    expect([...(await cell(widget, i, 3))]).toHaveLength(24);
  }
  await expect(widget.getByRole('img', { name: /模型大小与验证困惑度/ })).toBeVisible();
  await expect(widget.locator('svg .point')).toHaveCount(6);
  await expect(widget).not.toContainText('NaN');
  await expect(widget).not.toContainText('\uFFFD');
  // No stray space between the note's sentences.
  await expect(widget.locator('.note').first()).toContainText('大小翻倍。与原模型续写不同的字');
});

test('the Transformer checkpoint runs too, the link keeps the settings, and tensors do not pile up between runs', async ({ page, browser }) => {
  test.setTimeout(3 * RUN_TIMEOUT);
  const widget = await open(page);
  await widget.getByRole('radio', { name: 'Transformer（附录 A）' }).check();
  const sp = widget.getByRole('textbox', { name: '剪枝稀疏度（%）' });
  await sp.fill('75');
  await sp.press('Enter');
  await run(widget);
  await expect(widget.getByRole('table', { name: /^Transformer（附录 A）：/ })).toBeVisible();
  await expect(rows(widget).last().locator('th')).toHaveText('剪枝 75%');
  const bytes = await expectedBytes(page, 'transformer', 0.75);
  expect((await cell(widget, 3, 0)).split('\n')[0].replaceAll(',', '')).toBe(String(bytes[3]));
  const tensors = await widget.getAttribute('data-tensors');
  await run(widget);
  await expect(widget).toHaveAttribute('data-tensors', tensors!);
  const other = await browser.newPage();
  const again = await openWidget(other, page.url().replace(/^https?:\/\/[^/]+/, ''), TITLE);
  await expect(again.getByRole('radio', { name: 'Transformer（附录 A）' })).toBeChecked();
  await expect(again.getByRole('textbox', { name: '剪枝稀疏度（%）' })).toHaveValue('75');
  await other.close();
});

test('取消 stops a run while it loads, says so, and the next run completes', async ({ page }) => {
  test.setTimeout(2 * RUN_TIMEOUT);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/models/poetry/weights.bin', async (route) => {
    await held;
    await route.continue();
  });
  const widget = await open(page);
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  await expect(widget.getByText('正在加载检查点和语料…')).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await widget.getByRole('button', { name: '取消' }).click();
  release();
  await expect(widget).toHaveAttribute('data-running', 'false', { timeout: COMPUTE_TIMEOUT });
  await expect(widget.locator('[aria-live="polite"]')).toHaveText('已取消：完成了 0 种设置。');
  await page.unroute('**/models/poetry/weights.bin');
  await run(widget);
});

test('a web page served in place of the LSTM’s weights is named as that checkpoint’s file, in Chinese', async ({ page }) => {
  await page.route('**/models/poetry/weights.bin', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>登录</title><p>请先登录</p>' }),
  );
  const widget = await open(page);
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  await expect(
    widget.getByRole('alert').filter({ hasText: /^评估失败：LSTM 预训练检查点（5\.2 节）的权重文件“weights\.bin”长度不对：应为 \d+ 字节，实为 \d+ 字节/ }),
  ).toBeVisible({ timeout: COMPUTE_TIMEOUT });
});

test('a bad sparsity or model in the link gets a message and the defaults', async ({ page }) => {
  const widget = await open(page, '#zip.sp=150&zip.model=bert');
  await expect(widget.getByRole('alert').filter({ hasText: '剪枝稀疏度（%）必须在 0 到 99 之间' })).toBeVisible();
  // Options are named as the radio buttons show them, not by their link ids.
  await expect(widget.getByRole('alert').filter({ hasText: '未知的模型“bert”' })).toContainText('可选：LSTM（5.2 节）、Transformer（附录 A）。');
  await expect(widget.getByRole('textbox', { name: '剪枝稀疏度（%）' })).toHaveValue('50');
  await expect(widget.getByRole('radio', { name: 'LSTM（5.2 节）' })).toBeChecked();
});

test('a sparsity that is not a number or out of range in the field is refused with a message, and nothing runs', async ({ page }) => {
  const widget = await open(page);
  const sp = widget.getByRole('textbox', { name: '剪枝稀疏度（%）' });
  await sp.fill('abc');
  await sp.press('Enter');
  await expect(widget.getByRole('alert').filter({ hasText: '必须是数字' })).toBeVisible();
  await expect(sp).toHaveAttribute('aria-invalid', 'true');
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  await expect(widget.getByRole('alert').filter({ hasText: '请先改正' })).toBeVisible();
  await expect(widget).toHaveAttribute('data-rows', '0');
  // The refusal takes the reader to the field to fix, and goes away once it is fixed.
  await expect(sp).toBeFocused();
  await sp.fill('30');
  await sp.press('Enter');
  await expect(sp).not.toHaveAttribute('aria-invalid', 'true');
  await expect(widget.getByRole('alert').filter({ hasText: '请先改正' })).toHaveCount(0);
  await sp.fill('-5');
  await sp.press('Enter');
  await expect(widget.getByRole('alert').filter({ hasText: '必须在 0 到 99 之间' })).toBeVisible();
  await expect(widget).not.toContainText('NaN');
});

test('a prompt with NUL or U+FFFD gets the warning the other text widgets give, by code point', async ({ page }) => {
  const widget = await open(page);
  const prompt = widget.getByRole('textbox', { name: '开头文字' });
  for (const [typed, code, says] of [
    ['春\u0000眠', 'U+0000', '看不见的控制字符'],
    ['春\uFFFD眠', 'U+FFFD', '可能是链接在转发时损坏了'],
  ] as const) {
    await prompt.evaluate((el: HTMLInputElement, value) => {
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, typed);
    const notice = widget.getByRole('status').filter({ hasText: `开头文字里有` });
    await expect(notice).toContainText(`（${code}）`);
    await expect(notice).toContainText(says);
    await expect(notice).not.toContainText('\uFFFD');
  }
  await prompt.fill('春眠不觉晓');
  await prompt.press('Enter');
  await expect(widget.getByRole('status').filter({ hasText: '开头文字里有' })).toHaveCount(0);
});

test('a pasted prompt far over the limit is refused with its true length, not silently cut', async ({ page }) => {
  const widget = await open(page);
  const prompt = widget.getByRole('textbox', { name: '开头文字' });
  await prompt.fill('春'.repeat(10_000));
  await prompt.press('Enter');
  await expect(widget.getByRole('alert').filter({ hasText: `开头文字不能超过 ${MAX_PROMPT} 个字符，收到 10000 个` })).toBeVisible();
  await expect(prompt).toHaveAttribute('aria-invalid', 'true');
});

test('a link whose prompt has U+FFFD gets the same warning', async ({ page }) => {
  const widget = await open(page, '#zip.prompt=%E6%98%A5%EF%BF%BD');
  await expect(widget.getByRole('status').filter({ hasText: '开头文字里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了' })).toBeVisible();
});

test('a link with an empty prompt is refused and keeps the default prompt', async ({ page }) => {
  const widget = await open(page, '#zip.prompt=');
  await expect(widget.getByRole('alert').filter({ hasText: '开头文字为空：请输入至少一个字。' })).toBeVisible();
  await expect(widget.getByRole('textbox', { name: '开头文字' })).toHaveValue('春眠不觉晓');
});

test('a prompt of only spaces is refused like an empty one, in the field and in a link', async ({ page }) => {
  const widget = await open(page, '#zip.prompt=%E3%80%80%20');
  await expect(widget.getByRole('alert').filter({ hasText: '开头文字只有空白：请输入至少一个字。' })).toBeVisible();
  const prompt = widget.getByRole('textbox', { name: '开头文字' });
  await expect(prompt).toHaveValue('春眠不觉晓');
  await prompt.fill('   ');
  await prompt.press('Enter');
  await expect(prompt).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.getByRole('alert').filter({ hasText: '开头文字只有空白' }).first()).toBeVisible();
});

test('a prompt with an emoji is told that the models read it as <unk>, as §10.4 says it', async ({ page }) => {
  test.setTimeout(2 * COMPUTE_TIMEOUT);
  const widget = await open(page, `#zip.prompt=${encodeURIComponent('春😀眠')}`);
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  await expect(widget.getByRole('status').filter({ hasText: '“😀” 不在模型的字符表中，按 <unk>（未知字符）处理。' })).toBeVisible({
    timeout: 2 * COMPUTE_TIMEOUT,
  });
  await widget.getByRole('button', { name: '取消' }).click();
  await expect(widget).toHaveAttribute('data-running', 'false');
});

test('开头文字 cleared or left as spaces stays as typed beside its message, and the previous text typed again is taken', async ({ page }) => {
  const widget = await open(page);
  const prompt = widget.getByRole('textbox', { name: '开头文字' });
  const error = widget.getByRole('alert').filter({ hasText: '开头文字' });
  // Each message is the whole sentence: an anchored pattern, as toHaveText would check.
  await refusedThenTaken(
    prompt,
    error,
    [
      ['', /^开头文字为空：请输入至少一个字。$/],
      ['   ', /^开头文字只有空白：请输入至少一个字。$/],
    ],
    '春眠不觉晓',
  );
});

test('剪枝稀疏度 cleared stays empty beside its message, and the previous value typed again is taken', async ({ page }) => {
  const widget = await open(page);
  const sp = widget.getByRole('textbox', { name: '剪枝稀疏度（%）' });
  await refusedThenTaken(sp, widget.getByRole('alert').filter({ hasText: '剪枝稀疏度' }), [['', '不能为空']], '50');
  await expect(widget.getByRole('alert')).toHaveCount(0);
});

test('an emoji typed into 开头文字 is told that the models read it as <unk> as soon as the field is left, before any run', async ({ page }) => {
  const widget = await open(page);
  const prompt = widget.getByRole('textbox', { name: '开头文字' });
  const note = widget.getByRole('status').filter({ hasText: '不在模型的字符表中' });
  await prompt.fill('春😀眠');
  await prompt.press('Tab');
  await expect(note).toHaveText('“😀” 不在模型的字符表中，按 <unk>（未知字符）处理。');
  await expect(widget).toHaveAttribute('data-rows', '0');
  await expect(widget).toHaveAttribute('data-running', 'false');
  await prompt.fill('春眠');
  await prompt.press('Tab');
  await expect(note).toHaveCount(0);
});

test('the compression lab after a run has no axe violations in the dark theme', async ({ page }) => {
  test.setTimeout(2 * RUN_TIMEOUT);
  await useTheme(page, 'dark');
  const widget = await open(page);
  await run(widget);
  expect(await axeViolations(page, '.compresslab')).toEqual([]);
});

test('at 375 px the results table scrolls in a keyboard-reachable region, its caption wraps within the page, and axe finds nothing', async ({ page }) => {
  test.setTimeout(2 * RUN_TIMEOUT);
  await page.setViewportSize({ width: 375, height: 800 });
  const widget = await open(page);
  await run(widget);
  const region = widget.getByRole('region', { name: '各压缩设置的结果' });
  await expect(region).toHaveAttribute('tabindex', '0');
  const caption = widget.getByText(/^LSTM（5.2 节）：验证集的前/);
  await caption.scrollIntoViewIfNeeded();
  const box = (await caption.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  expect(await axeViolations(page, '.compresslab')).toEqual([]);
});

test('exercise 9-5 accepts the int8 size of the LSTM counted from its shapes', async ({ page }) => {
  const bytes = await expectedBytes(page, 'poetry', 0);
  await expectExerciseAccepts(page, '/chapter-09/', 'ex-9-5', String(bytes[2]));
});
