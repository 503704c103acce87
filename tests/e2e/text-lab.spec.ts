/**
 * §4.3/§5.2 text lab: the shipped checkpoint writes deterministically at temperature 0, every
 * character has the distribution it was drawn from, training in the page lowers the loss, and
 * bad input or a broken saved model gets a message, never NaN or a frozen page.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';
import { refusedThenTaken } from './support/refused-field';
import { holdWorkerMessages, twoFrames } from './support/held-messages';

const TRAIN = '动手：训练并运行 5.2 节的文本生成模型';
/** The pasted training text: a model trained on it alone can write only these characters. */
const POEM = '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n';
const open = (page: Page, hash = '') => openWidget(page, `/chapter-05/${hash}`, TRAIN);

/** The generated text, by its accessible name: one button per character the model wrote. */
const textGroup = (widget: Locator) => widget.getByRole('group', { name: /^生成的文本/ });

/** The candidate bars of the selected character (the figure captioned 第 n 个字的候选…), one list item per candidate. */
const candidates = (widget: Locator) => widget.getByRole('figure', { name: /个字的候选/ }).getByRole('listitem');

async function generate(widget: Locator): Promise<string> {
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: COMPUTE_TIMEOUT });
  await expect(widget).not.toHaveAttribute('data-chars', '0');
  return textGroup(widget).innerText();
}

/** The characters the model wrote (not the prompt), one per button; ↵ stands for a newline. */
async function written(widget: Locator): Promise<string[]> {
  return (await textGroup(widget).getByRole('button').allTextContents()).map((c) => (c === '↵' ? '\n' : c));
}

/** The shipped checkpoint's vocabulary, as the page fetches it. */
async function checkpointVocab(page: Page): Promise<Set<string>> {
  const meta = (await (await page.request.get('/models/poetry/meta.json')).json()) as { vocab: string[] };
  return new Set(meta.vocab.filter((c) => c !== '<unk>'));
}

/**
 * What a broken model would show: U+FFFD or `<unk>` placeholders, or characters that are not in
 * the vocabulary it was trained with (a mis-indexed or garbled softmax).
 */
function expectOnlyVocab(chars: string[], vocab: Set<string>): void {
  expect(chars.length).toBeGreaterThan(0);
  expect(chars.filter((c) => c === '\uFFFD' || c === '<unk>')).toEqual([]);
  expect(chars.filter((c) => !vocab.has(c))).toEqual([]);
}

async function setField(widget: Locator, name: string, value: string) {
  const field = widget.getByLabel(name, { exact: true });
  await field.fill(value);
  await field.press('Enter');
  await field.blur();
}

test('the checkpoint writes the same poem every time at temperature 0, and a link reproduces it', async ({ page, browser }) => {
  const widget = await open(page);
  await setField(widget, '温度', '0');
  await setField(widget, '长度', '24');
  const first = await generate(widget);
  expect(first.startsWith('春眠不觉晓')).toBe(true);
  expect(await widget.getAttribute('data-chars')).toBe('24');
  expect(await generate(widget)).toBe(first);
  expectOnlyVocab(await written(widget), await checkpointVocab(page));
  const link = page.url();
  const other = await browser.newPage();
  const again = await openWidget(other, link.replace(/^https?:\/\/[^/]+/, ''), TRAIN);
  expect(await generate(again)).toBe(first);
  await other.close();
});

test('the text lab puts the page on WebAssembly, the fastest backend for its model, and locks the badge while writing', async ({ page }) => {
  const widget = await open(page);
  // A short text: this checks the backend and the lock, not throughput (that is bench:textgen's job).
  await setField(widget, '长度', '40');
  await generate(widget);
  const badge = widget.getByRole('combobox', { name: '后端' });
  await expect(badge).toHaveValue('wasm');
  await expect(widget.getByRole('status').filter({ hasText: '已改用' })).toHaveCount(0);
  // Record the badge's state at every DOM change while the lab writes: it must be locked in
  // every one, however fast or slow the machine writes.
  await page.evaluate(`(() => {
    const lab = document.querySelector('.textlab');
    const select = lab.querySelector('.badge select');
    window.__textlabStates = [];
    new MutationObserver(() => {
      window.__textlabStates.push({ generating: lab.getAttribute('data-generating'), locked: select.disabled });
    }).observe(lab, { attributes: true, subtree: true, childList: true });
  })()`);
  await generate(widget);
  const states = (await page.evaluate('window.__textlabStates')) as { generating: string; locked: boolean }[];
  const writing = states.filter((s) => s.generating === 'true');
  expect(writing.length).toBeGreaterThan(0);
  expect(writing.filter((s) => !s.locked)).toEqual([]);
  await expect(badge).toBeEnabled();
});

test('each character’s bars sum to at most 1 and mark the character drawn', async ({ page }) => {
  const widget = await open(page);
  await setField(widget, '长度', '12');
  await generate(widget);
  const chars = textGroup(widget).getByRole('button');
  for (const i of [0, 5, 11]) {
    await chars.nth(i).click();
    const drawn = (await chars.nth(i).innerText()).replace('↵', '↵');
    const ps = (await candidates(widget).allInnerTexts()).map((t) => Number(t.match(/([\d.]+)%/)![1]) / 100);
    expect(ps.length).toBeGreaterThan(0);
    expect(ps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.0005);
    for (let k = 1; k < ps.length; k++) expect(ps[k]).toBeLessThanOrEqual(ps[k - 1]);
    // The drawn character is marked in words, not only by colour.
    await expect(candidates(widget).filter({ hasText: '（选中）' })).toHaveCount(1);
    await expect(candidates(widget).filter({ hasText: '（选中）' })).toContainText(drawn);
  }
});

test('a character is picked with Enter or Space, as a button is, and its bars are shown', async ({ page }) => {
  const widget = await open(page);
  await setField(widget, '长度', '12');
  await generate(widget);
  const chars = textGroup(widget).getByRole('button');
  const caption = widget.getByRole('figure', { name: /个字的候选/ });
  await chars.nth(2).focus();
  await page.keyboard.press('Enter');
  await expect(chars.nth(2)).toHaveAttribute('aria-pressed', 'true');
  await expect(caption).toContainText('第 3 个字的候选');
  await chars.nth(6).focus();
  await page.keyboard.press('Space');
  await expect(chars.nth(6)).toHaveAttribute('aria-pressed', 'true');
  await expect(chars.nth(2)).toHaveAttribute('aria-pressed', 'false');
  await expect(caption).toContainText('第 7 个字的候选');
});

test('the text box follows the latest line while writing, and stays where the reader scrolled up to', async ({ page }) => {
  await holdWorkerMessages(page);
  const widget = await open(page, '#tg.len=300');
  const box = widget.getByRole('group', { name: /生成的文本/ });
  const chars = box.getByRole('button', { name: /^第 \d+ 个字/ });
  await generate(widget);
  await box.scrollIntoViewIfNeeded();
  // 300 characters are many lines more than the box shows: it shows the end, not the start.
  await expect(chars.last()).toBeInViewport();
  await expect(chars.first()).not.toBeInViewport();

  // The model writes 2,000 characters; the page gets its messages only as the test hands them
  // over, so the reader's scroll lands while the text is still growing, however fast the machine.
  await setField(widget, '长度', '2000');
  const held = () => page.evaluate(() => window.heldWorkerMessages!.types());
  await page.evaluate(() => window.heldWorkerMessages!.hold());
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect.poll(held, { timeout: COMPUTE_TIMEOUT }).toContain('done');
  while (Number(await widget.getAttribute('data-chars')) <= 300) {
    expect(await page.evaluate(() => window.heldWorkerMessages!.releaseOne())).toBe(true);
    await twoFrames(page);
  }
  expect(await held()).toContain('chars');
  await expect(widget).toHaveAttribute('data-generating', 'true');
  // The reader scrolls back to the start while the model writes on.
  const charsWhenScrolled = await box.evaluate(
    (el) =>
      new Promise<number>((resolve) => {
        el.addEventListener('scroll', () => resolve(Number(el.closest('.textlab')?.getAttribute('data-chars'))), { once: true });
        el.scrollTop = 0;
      }),
  );
  await page.evaluate(() => window.heldWorkerMessages!.releaseAll());
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: COMPUTE_TIMEOUT });
  expect(Number(await widget.getAttribute('data-chars'))).toBeGreaterThan(charsWhenScrolled);
  await expect(chars.first()).toBeInViewport();
  expect(await box.evaluate((el) => el.scrollTop)).toBe(0);
});

test('the tensor count is the same after three generate runs', async ({ page }) => {
  const widget = await open(page);
  await setField(widget, '长度', '30');
  await generate(widget);
  const after = await widget.getAttribute('data-tensors');
  await generate(widget);
  await generate(widget);
  expect(await widget.getAttribute('data-tensors')).toBe(after);
});

test('an empty prompt writes from the start; unknown characters and emoji get a notice', async ({ page }) => {
  const widget = await open(page);
  await setField(widget, '长度', '10');
  await widget.getByLabel('开头文字').fill('');
  await widget.getByLabel('开头文字').blur();
  expect((await generate(widget)).length).toBeGreaterThan(0);
  await widget.getByLabel('开头文字').fill('春😀𠀀');
  await widget.getByLabel('开头文字').blur();
  const text = await generate(widget);
  expect(text.startsWith('春😀𠀀')).toBe(true);
  await expect(widget.getByRole('status').filter({ hasText: '<unk>' })).toContainText('😀');
});

test('a refused prompt or number stays in its field beside its message, and the previous text typed again is taken', async ({ page }) => {
  const widget = await open(page);
  const prompt = widget.getByLabel('开头文字');
  await refusedThenTaken(prompt, widget.getByRole('alert').filter({ hasText: '开头文字不能超过' }), [['字'.repeat(101), '收到 101 个']], '春眠不觉晓');
  await expect(widget.getByRole('alert')).toHaveCount(0);
  // The training panel's fields are the shared NumberField too.
  const batch = widget.getByLabel('批大小', { exact: true });
  await refusedThenTaken(batch, widget.getByRole('alert').filter({ hasText: '批大小' }), [['', '不能为空']], '64');
  await expect(widget.getByRole('alert')).toHaveCount(0);
});

test('a text keeps the prompt and temperature it was written with until the next 生成', async ({ page }) => {
  const widget = await open(page);
  const label = widget.locator('.output .prompt');
  const caption = widget.locator('figure.bars figcaption');
  await setField(widget, '长度', '5');
  await setField(widget, '温度', '0.8');
  await widget.getByLabel('开头文字').fill('白日依山尽');
  await widget.getByLabel('开头文字').blur();
  await generate(widget);
  await expect(label).toHaveText('白日依山尽');
  await widget.getByLabel('开头文字').fill('床前明月光');
  await widget.getByLabel('开头文字').blur();
  await setField(widget, '温度', '1.5');
  // The text on the page is still the first run's: so are its prompt and the temperature its bars name.
  await expect(label).toHaveText('白日依山尽');
  await expect(caption).toContainText('温度 0.8');
  await generate(widget);
  await expect(label).toHaveText('床前明月光');
  await expect(caption).toContainText('温度 1.5');
});

test('the <unk> notice goes with the text it was about when another corpus clears it', async ({ page }) => {
  const widget = await open(page);
  await setField(widget, '长度', '5');
  await widget.getByLabel('开头文字').fill('春😀');
  await widget.getByLabel('开头文字').blur();
  await generate(widget);
  const unk = widget.getByRole('status').filter({ hasText: '<unk>' });
  await expect(unk).toContainText('😀');
  await widget.getByRole('radio', { name: '本书' }).check();
  await expect(widget).toHaveAttribute('data-chars', '0');
  await expect(unk).toHaveCount(0);
});

test('生成 refuses while the prompt or a number field shows its error, focusing it, and writes once both are fixed', async ({ page }) => {
  const widget = await open(page);
  const start = widget.getByRole('button', { name: '生成', exact: true });
  const refusal = widget.getByRole('alert').filter({ hasText: '请先改正上面标出的设置' });
  const prompt = widget.getByLabel('开头文字');
  await prompt.fill('字'.repeat(101));
  await prompt.blur();
  await expect(widget.getByRole('alert').filter({ hasText: '开头文字不能超过' })).toContainText('收到 101 个');
  await start.click();
  await expect(refusal).toBeVisible();
  await expect(prompt).toBeFocused();
  await expect(widget).toHaveAttribute('data-chars', '0');
  await prompt.fill('春');
  await prompt.blur();
  await setField(widget, '长度', 'abc');
  await start.click();
  await expect(refusal).toBeVisible();
  await expect(widget.getByLabel('长度', { exact: true })).toBeFocused();
  await expect(widget).toHaveAttribute('data-generating', 'false');
  await expect(widget).toHaveAttribute('data-chars', '0');
  await setField(widget, '长度', '5');
  await expect(refusal).toHaveCount(0);
  expect(await generate(widget)).toMatch(/^春/);
});

test('开始训练 refuses while 批大小, 训练轮数 or 随机种子 shows its error, focusing the first such field', async ({ page }) => {
  const widget = await open(page);
  const panel = widget.locator('.train-panel');
  const start = widget.getByRole('button', { name: '开始训练' });
  const refusal = panel.getByRole('alert').filter({ hasText: '请先改正上面标出的设置' });
  await setField(widget, '批大小', '0');
  await start.click();
  await expect(refusal).toBeVisible();
  await expect(widget.getByLabel('批大小', { exact: true })).toBeFocused();
  await expect(panel.locator('progress')).toHaveCount(0);
  await setField(widget, '训练轮数', 'abc');
  await setField(widget, '随机种子', '-1');
  await start.click();
  await expect(refusal).toBeVisible();
  await expect(widget.getByLabel('随机种子', { exact: true })).toBeFocused(); // above the panel: first in the page's order
  await setField(widget, '随机种子', '1');
  await setField(widget, '训练轮数', '1');
  await expect(refusal).toBeVisible();
  await setField(widget, '批大小', '8');
  await expect(refusal).toHaveCount(0);
  await expect(panel.locator('progress')).toHaveCount(0);
});

test('training for one epoch on pasted text lowers the loss and keeps the page responsive', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('radio', { name: '我的文本' }).check();
  await widget.getByLabel(/我的文本（粘贴/).fill(POEM.repeat(40));
  await setField(widget, '批大小', '8');
  await widget.getByRole('button', { name: '开始训练' }).click();
  await expect(widget.getByRole('status').filter({ hasText: '训练完成' })).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  const panel = widget.locator('.train-panel');
  const first = Number(await panel.getAttribute('data-first-loss'));
  const last = Number(await panel.getAttribute('data-last-loss'));
  expect(last).toBeLessThan(first);
  await expect(panel.locator('.samples li')).toHaveCount(1);
  await generate(widget);
  expectOnlyVocab(await written(widget), new Set(POEM));
});

test('pasted text loses NUL, BEL, U+200D and U+FFFD before training, with a notice naming each and how many', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('radio', { name: '我的文本' }).check();
  await widget.getByLabel(/我的文本（粘贴/).fill(`\u0000${POEM.repeat(5)}\u0007\u200D${POEM.repeat(5)}\u0000\uFFFD`);
  await widget.getByRole('button', { name: '开始训练' }).click();
  await expect(widget.getByRole('status').filter({ hasText: '训练前已删去' })).toHaveText(
    '文本里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了。训练前已删去 5 个无法识别或不可见的字符：U+0000 ×2、U+0007 ×1、U+200D ×1、U+FFFD ×1。',
  );
  await expect(widget.getByRole('status').filter({ hasText: '训练完成' })).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  // The model learnt the cleaned text: its sample and what it writes hold only the poem's characters.
  expectOnlyVocab(
    [...(await widget.locator('.train-panel .samples li').innerText()).replace(/^[^：]*：/, '')].filter((c) => c !== ' '),
    new Set(POEM),
  );
  await generate(widget);
  expectOnlyVocab(await written(widget), new Set(POEM));
});

/** One observation of the training progress line: when (page clock, ms), the batch counter, and whether it said 已暂停. */
interface ProgressSeen {
  at: number;
  value: string | null;
  paused: boolean;
}

/** Records every change of the text lab's progress line from now on, in window.progressSeen. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const line = document.querySelector('.textlab .train-panel .progress-line')!;
    const seen: ProgressSeen[] = [];
    (window as unknown as { progressSeen: ProgressSeen[] }).progressSeen = seen;
    const note = () =>
      seen.push({ at: performance.now(), value: line.querySelector('progress')!.getAttribute('value'), paused: line.textContent!.includes('已暂停') });
    note();
    new MutationObserver(note).observe(line, { attributes: true, characterData: true, childList: true, subtree: true });
  });
}

test('training pauses, resumes, and stops mid-epoch keeping usable weights', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('radio', { name: '我的文本' }).check();
  await widget.getByLabel(/我的文本（粘贴/).fill(POEM.repeat(200));
  await setField(widget, '批大小', '1');
  await setField(widget, '训练轮数', '3');
  await widget.getByRole('button', { name: '开始训练' }).click();
  const progress = widget.locator('.train-panel progress');
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(3);
  await recordProgress(page);
  const recorded = Number(await progress.getAttribute('value'));
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(recorded + 2);
  await widget.getByRole('button', { name: '暂停训练' }).click();
  // 已暂停 appears once the worker confirms: the batch under way when asked has finished.
  await expect(widget.locator('.progress-line')).toContainText('已暂停', { timeout: COMPUTE_TIMEOUT });
  const held = await progress.getAttribute('value');
  // Paused for at least three of this run's own batch times (measured from the recorded progress, not a fixed sleep)…
  const seen = () => page.evaluate(() => (window as unknown as { progressSeen: ProgressSeen[] }).progressSeen);
  const before = (await seen()).filter((r) => !r.paused);
  const batchMs = Math.max(0, ...before.slice(1).map((r, i) => r.at - before[i].at));
  expect(batchMs).toBeGreaterThan(0);
  const pausedAt = (await seen()).find((r) => r.paused)!.at;
  await expect.poll(() => page.evaluate(() => performance.now()), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(pausedAt + 3 * batchMs);
  // …and in all that time the batch counter never moved.
  expect((await seen()).filter((r) => r.paused).map((r) => r.value)).toEqual((await seen()).filter((r) => r.paused).map(() => held));
  await expect(progress).toHaveAttribute('value', held!);
  await widget.getByRole('button', { name: '继续训练' }).click();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(Number(held));
  await widget.getByRole('button', { name: '停止训练' }).click();
  await expect(widget.getByRole('status').filter({ hasText: '已停止' })).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(widget.locator('.model')).toContainText('在本页训练的模型');
  await generate(widget);
  expectOnlyVocab(await written(widget), new Set(POEM));
});

for (const [name, content, message] of [
  ['short.txt', Buffer.from('太短了。'), '至少需要 200'],
  ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]), '二进制'],
  ['gbk.txt', Buffer.from(Array.from({ length: 800 }, (_, i) => [0xc4, 0xe3, 0xba, 0xc3][i % 4])), 'UTF-8'],
  ['big.txt', Buffer.alloc(2 * 1024 * 1024 + 10, 0x61), '2 MB'],
] as const) {
  test(`a ${name} file gets a clear message`, async ({ page }) => {
    const widget = await open(page);
    await widget.getByRole('radio', { name: '我的文本' }).check();
    await widget.getByLabel(/或选择 .txt 文件/).setInputFiles({ name, mimeType: 'text/plain', buffer: content });
    await expect(widget.getByRole('alert')).toContainText(message);
  });
}

test('a corrupted saved model is discarded with a notice and the checkpoint is used', async ({ page }) => {
  await page.goto('/chapter-05/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('tensorflowjs', 1);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('models_store', { keyPath: 'modelPath' });
          req.result.createObjectStore('model_info_store', { keyPath: 'modelPath' });
        };
        req.onsuccess = () => {
          const tx = req.result.transaction(['models_store', 'model_info_store'], 'readwrite');
          const modelPath = 'textlab-poetry';
          tx.objectStore('model_info_store').put({ modelPath, modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
          tx.objectStore('models_store').put({
            modelPath,
            modelArtifacts: { modelTopology: {}, weightSpecs: [{ name: 'x', shape: [4], dtype: 'float32' }], weightData: new ArrayBuffer(3) },
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
  const widget = await open(page);
  const text = await generate(widget);
  await expect(widget.getByRole('status').filter({ hasText: '已损坏' })).toContainText('已改用预训练检查点');
  await expect(widget.locator('.model')).toContainText('预训练检查点');
  expect(text.length).toBeGreaterThan(0);
  expectOnlyVocab(await written(widget), await checkpointVocab(page));
});

test('the text lab in use has no axe violations', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const widget = await open(page);
  await setField(widget, '长度', '10');
  await generate(widget);
  const { violations } = await new AxeBuilder({ page }).include('.textlab').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});
