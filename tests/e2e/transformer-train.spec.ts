/**
 * 附录 A, 在页面里训练: the Transformer trains in a worker on the reader's own text and its
 * validation loss falls; it pauses, resumes and stops; the trained model is saved under its own
 * key and offered again after a reload (and continues from exactly the saved weights); bad text
 * gets a clear notice; storage that refuses says the model will not be kept; axe finds nothing.
 * With 同时训练 5.2 节的 LSTM 作对比 on, the LSTM trains on the same text beside it: both curves,
 * both final losses, one set of buttons for both, its failure its own, and nothing saved over §5.2.
 * Every wait is for a state the widget shows, never for a time.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FIX_FIELDS_FIRST } from '../../src/lib/parse/fields';
import { NO_SAVED_MODEL } from '../../src/lib/transformer/train-messages';
import { COMPARE_LABEL, GTRAIN_RULES } from '../../src/lib/transformer/train-settings';
import { COMPUTE_TIMEOUT, hydrated, openWidget } from './support/widgets';

// Each test trains at least once on a shared machine: generous limits, states not rates.
test.describe.configure({ timeout: 240_000 });

const NAME = '动手：在页面里训练 Transformer';
const POEM = '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n';
const open = (page: Page, hash = '') => openWidget(page, `/appendix-a/${hash}`, NAME);

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function setField(widget: Locator, name: string, value: string) {
  const field = widget.getByLabel(name, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** 我的文本 with `text`, one epoch, batches of `batch` windows. */
async function mine(widget: Locator, text: string, batch = 4, epochs = 1) {
  await widget.getByRole('radio', { name: '我的文本' }).check();
  await widget.getByLabel(/我的文本（粘贴/).fill(text);
  await setField(widget, '批大小', String(batch));
  await setField(widget, '训练轮数', String(epochs));
}

/** The model paths in tf.io's IndexedDB store. */
const storedModels = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const req = indexedDB.open('tensorflowjs');
        req.onerror = () => resolve([]);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('models_store')) return resolve([]);
          const keys = db.transaction('models_store').objectStore('models_store').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => resolve([]);
        };
      }),
  );

const finalMessage = (widget: Locator, text: string | RegExp) => widget.getByRole('status').filter({ hasText: text });
const num = async (widget: Locator, attr: string) => Number(await widget.getAttribute(attr));

test('one epoch on a short text of the reader’s lowers the validation loss, with progress and a sample', async ({ page }) => {
  const errors = pageErrors(page);
  const widget = await open(page);
  await mine(widget, POEM.repeat(20));
  await widget.getByRole('radio', { name: /从头开始/ }).check();
  await widget.getByRole('button', { name: '开始训练' }).click();
  await expect(finalMessage(widget, '训练完成')).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  const baseline = await num(widget, 'data-baseline-loss');
  const after = await num(widget, 'data-val-loss');
  expect(Number.isFinite(baseline) && baseline > 0).toBe(true);
  expect(after).toBeLessThan(baseline);
  await expect(widget.locator('.samples li')).toHaveCount(1);
  await expect(widget.locator('.progress-line')).toContainText(/第 1 轮，第 (\d+) \/ \1 批/);
  await expect(widget.getByRole('img', { name: /损失曲线/ })).toBeVisible();
  await expect(widget).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

test('training pauses after the batch under way, resumes, and stops keeping the weights so far', async ({ page }) => {
  const widget = await open(page);
  await mine(widget, POEM.repeat(200), 1, 3);
  const start = widget.getByRole('button', { name: '开始训练' });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(start).toBeFocused();
  const progress = widget.locator('.train-panel progress');
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(1);
  const pause = widget.getByRole('button', { name: '暂停训练' });
  await pause.click();
  await expect(widget.locator('.progress-line')).toContainText('已暂停', { timeout: COMPUTE_TIMEOUT });
  const held = await progress.getAttribute('value');
  // A round trip through the page (复制链接 answers) while paused: no batch has run meanwhile.
  await widget.getByRole('button', { name: '复制链接' }).click();
  await expect(widget.locator('.copy-status')).toBeVisible();
  expect(await progress.getAttribute('value')).toBe(held);
  await expect(widget).toHaveAttribute('data-status', 'paused');
  await widget.getByRole('button', { name: '继续训练' }).click();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(Number(held));
  await widget.getByRole('button', { name: '停止训练' }).click();
  await expect(finalMessage(widget, '已停止')).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-status', 'idle');
  await expect(widget.getByRole('radio', { name: '从本浏览器保存的模型继续' })).toBeEnabled();
});

test('the trained model is saved under its own key, offered after a reload, and training goes on from exactly those weights', async ({ page }) => {
  const errors = pageErrors(page);
  const widget = await open(page);
  await mine(widget, POEM.repeat(20));
  // From scratch, so the epoch count does not depend on the shipped checkpoint's.
  await widget.getByRole('radio', { name: /从头开始/ }).check();
  await widget.getByRole('button', { name: '开始训练' }).click();
  await expect(finalMessage(widget, '训练完成，模型已保存')).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  const trained = await num(widget, 'data-val-loss');
  expect(await storedModels(page)).toEqual(['transformer-trained']);
  await page.reload();
  const again = page.getByRole('region', { name: NAME });
  await again.scrollIntoViewIfNeeded();
  await hydrated(again);
  const offer = again.getByRole('status').filter({ hasText: '本浏览器里保存着你在本页训练的 Transformer' });
  await expect(offer).toContainText(`语料：我的文本，共 1 轮，验证损失 ${trained.toFixed(3)}`);
  // Continue from it on the same text: its starting loss is the loss it was saved with.
  await mine(again, POEM.repeat(20));
  await again.getByRole('radio', { name: '从本浏览器保存的模型继续' }).check();
  await again.getByRole('button', { name: '开始训练' }).click();
  await expect(finalMessage(again, '训练完成，模型已保存')).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  expect(Math.abs((await num(again, 'data-baseline-loss')) - trained)).toBeLessThan(1e-4);
  await expect(offer).toContainText('共 2 轮');
  // The progress line and the per-epoch log name the epoch the same way: this run's first, the model's second.
  await expect(again.locator('.progress-line')).toContainText(/本次第 1 轮（累计第 2 轮），第 (\d+) \/ \1 批/);
  await expect(again.locator('.samples li')).toHaveCount(1);
  await expect(again.locator('.samples li').first()).toContainText('本次第 1 轮（累计第 2 轮），验证损失');
  // And it can be forgotten.
  await again.getByRole('button', { name: '删除保存的模型' }).click();
  await expect(offer).toHaveCount(0);
  await expect(again.getByRole('radio', { name: '从本浏览器保存的模型继续' })).toBeDisabled();
  await expect(again.getByRole('radio', { name: '从本书的 Transformer 检查点继续' })).toBeChecked();
  expect(errors).toEqual([]);
});

for (const [what, text, message] of [
  ['an empty text', '', '文本是空的'],
  ['a text that is too short', POEM, '至少需要 200'],
  ['a text with no character in the vocabulary', 'Attention is all you need. 🙂 '.repeat(10), '没有一个字在模型的字符表中'],
] as const) {
  test(`${what} gets a clear notice and nothing starts`, async ({ page }) => {
    const errors = pageErrors(page);
    const widget = await open(page);
    await mine(widget, text);
    await widget.getByRole('button', { name: '开始训练' }).click();
    await expect(widget.getByRole('alert')).toContainText(message);
    await expect(widget).toHaveAttribute('data-status', 'idle');
    await expect(widget.locator('.train-panel progress')).toHaveCount(0);
    await expect(widget).not.toContainText('NaN');
    expect(errors).toEqual([]);
  });
}

test('开始训练 refuses while 批大小 or 训练轮数 shows its error, focusing the first such field, and the refusal goes once they are fixed', async ({ page }) => {
  const errors = pageErrors(page);
  const widget = await open(page);
  const start = widget.getByRole('button', { name: '开始训练' });
  const refusal = widget.getByRole('alert').filter({ hasText: FIX_FIELDS_FIRST });
  const epochs = widget.getByLabel('训练轮数', { exact: true });
  const batch = widget.getByLabel('批大小', { exact: true });
  await setField(widget, '批大小', 'abc');
  await start.click();
  await expect(refusal).toBeVisible();
  await expect(batch).toBeFocused();
  await expect(widget).toHaveAttribute('data-status', 'idle');
  await setField(widget, '训练轮数', '0');
  await start.click();
  await expect(refusal).toBeVisible();
  await expect(epochs).toBeFocused(); // first in the form's order
  await expect(widget).toHaveAttribute('data-status', 'idle');
  await expect(widget.locator('.train-panel progress')).toHaveCount(0);
  await setField(widget, '训练轮数', '1');
  await expect(refusal).toBeVisible(); // 批大小 still shows its error
  await setField(widget, '批大小', '4');
  await expect(refusal).toHaveCount(0);
  await expect(widget).toHaveAttribute('data-status', 'idle');
  expect(errors).toEqual([]);
});

test('a link sets the corpus, the starting point and the numbers; a value out of range is named and the default kept', async ({ page }) => {
  const widget = await open(page, `#gtrain.corpus=mine&gtrain.from=scratch&gtrain.batch=8&gtrain.epochs=${GTRAIN_RULES.epochs.max + 1}`);
  await expect(widget.getByRole('radio', { name: '我的文本' })).toBeChecked();
  await expect(widget.getByRole('radio', { name: /从头开始/ })).toBeChecked();
  await expect(widget.getByLabel('批大小', { exact: true })).toHaveValue('8');
  await expect(widget.getByLabel('训练轮数', { exact: true })).toHaveValue('1');
  await expect(widget.getByRole('alert')).toContainText('训练轮数');
});

test('without IndexedDB the model trains and the page says it will not be saved', async ({ page }) => {
  const errors = pageErrors(page);
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined }));
  const widget = await open(page);
  await mine(widget, POEM.repeat(20), GTRAIN_RULES.batch.max);
  await widget.getByRole('button', { name: '开始训练' }).click();
  const message = finalMessage(widget, /^训练完成/);
  await expect(message).toContainText('这个模型不会保存：浏览器不允许本站使用本地存储', { timeout: COMPUTE_TIMEOUT });
  await expect(message).not.toContainText('模型已保存');
  expect(errors).toEqual([]);
});

test('a link asking to continue from a saved model, with none saved here, says it goes on from the checkpoint', async ({ page }) => {
  const widget = await open(page, '#gtrain.from=saved&gtrain.epochs=2');
  await expect(widget.getByRole('status').filter({ hasText: NO_SAVED_MODEL })).toBeVisible();
  await expect(widget.getByRole('radio', { name: '从本书的 Transformer 检查点继续' })).toBeChecked();
  await expect(widget.getByLabel('训练轮数', { exact: true })).toHaveValue('2');
});

test('with the LSTM beside it, one epoch on a short text draws both models’ curves and gives both final losses, saving nothing over §5.2', async ({ page }) => {
  const errors = pageErrors(page);
  const widget = await open(page, '#gtrain.cmp=1');
  await expect(widget.getByRole('checkbox', { name: COMPARE_LABEL })).toBeChecked();
  await mine(widget, POEM.repeat(20));
  await widget.getByRole('button', { name: '开始训练' }).click();
  await expect(finalMessage(widget, /^训练完成/)).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  const lstmDone = finalMessage(widget, /^LSTM 训练完成，验证损失 \d+\.\d{3}。/);
  await expect(lstmDone).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(lstmDone).toContainText('5.2 节保存的模型不受影响');
  expect(Number.isFinite(await num(widget, 'data-val-loss'))).toBe(true);
  expect(Number.isFinite(await num(widget, 'data-lstm-val-loss'))).toBe(true);
  const chart = widget.getByRole('img', { name: /损失曲线/ });
  await expect(chart).toHaveAccessibleName(/^损失曲线：Transformer 训练损失 \d.*，Transformer 验证损失 \d.*；LSTM 训练损失 \d.*，LSTM 验证损失 \d/);
  await expect(widget.locator('figcaption')).toContainText('LSTM 验证损失');
  await expect(widget.locator('.progress-line')).toContainText('Transformer：本次第 1 轮');
  await expect(widget.locator('.progress-line-beside')).toContainText(/LSTM：.*第 (\d+) \/ \1 批/);
  // A screen reader hears each model's epochs, named (it heard only the Transformer's).
  const live = widget.locator('[aria-live="polite"]');
  await expect(live.filter({ hasText: /^\s*Transformer：.*完成，验证损失 \d+\.\d{3}。\s*$/ })).toHaveCount(1);
  await expect(live.filter({ hasText: /^\s*LSTM：.*完成，验证损失 \d+\.\d{3}。\s*$/ })).toHaveCount(1);
  // The §5.2 lab keeps its models under textlab-<corpus>: none was written.
  expect(await storedModels(page)).toEqual(['transformer-trained']);
  await expect(widget).not.toContainText('NaN');
  expect(errors).toEqual([]);
});

test('with the LSTM beside it, pause, resume and stop act on both models', async ({ page }) => {
  const widget = await open(page, '#gtrain.cmp=1');
  await mine(widget, POEM.repeat(200), 1, 3);
  await widget.getByRole('radio', { name: /从头开始/ }).check();
  await widget.getByRole('button', { name: '开始训练' }).click();
  for (const name of ['本轮训练进度', 'LSTM 本轮训练进度']) {
    const bar = widget.getByRole('progressbar', { name, exact: true });
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(1);
  }
  await widget.getByRole('button', { name: '暂停训练' }).click();
  await expect(widget).toHaveAttribute('data-status', 'paused', { timeout: COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-lstm-status', 'paused', { timeout: COMPUTE_TIMEOUT });
  await expect(widget.locator('.progress-line-beside')).toContainText('已暂停');
  await widget.getByRole('button', { name: '继续训练' }).click();
  await expect(widget).toHaveAttribute('data-status', 'running');
  await expect(widget).toHaveAttribute('data-lstm-status', 'running');
  await widget.getByRole('button', { name: '停止训练' }).click();
  await expect(finalMessage(widget, /^已停止/)).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(finalMessage(widget, /^LSTM 已停止/)).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-lstm-status', 'idle');
  await expect(widget.getByRole('button', { name: '开始训练' })).toHaveAttribute('aria-disabled', 'false');
});

test('when the LSTM cannot start, it says so and the Transformer trains on', async ({ page }) => {
  const errors = pageErrors(page);
  await page.route(/\/models\/poetry\/weights\.bin$/, (route) => route.fulfill({ status: 404 }));
  const widget = await open(page, '#gtrain.cmp=1');
  await mine(widget, POEM.repeat(20));
  await widget.getByRole('button', { name: '开始训练' }).click();
  await expect(widget.getByRole('alert').filter({ hasText: /^LSTM 训练失败：/ })).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(finalMessage(widget, /^训练完成/)).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-lstm-status', 'idle');
  expect(errors).toEqual([]);
});

test('the training widget in use, with the LSTM beside it, has no axe violations', async ({ page }) => {
  const widget = await open(page, '#gtrain.cmp=1');
  await mine(widget, POEM.repeat(20));
  await widget.getByRole('button', { name: '开始训练' }).click();
  await expect(finalMessage(widget, /^训练完成/)).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  await expect(finalMessage(widget, /^LSTM 训练完成/)).toBeVisible({ timeout: COMPUTE_TIMEOUT });
  const { violations } = await new AxeBuilder({ page }).include('.gpttrain').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});
