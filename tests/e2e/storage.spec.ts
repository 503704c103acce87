/**
 * Storage that fails (issue 9 §5): a private window where every localStorage call throws, a
 * browser without IndexedDB or where opening it fails, and a full disk when the text lab saves
 * a trained model. In each, the widgets still work for the visit, one clear message says what
 * will not be kept, nothing stored before is lost, and the page has no uncaught error.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PROGRESS_KEY } from '../../src/lib/progress/schema';
import { MIN_CHARS } from '../../src/lib/textgen/corpus';
import { TEXTGEN_RULES } from '../../src/lib/textgen/settings';
import { assignmentLink, sampleAssignment } from './support/assignment';
import { hydrated, openWidget } from './support/widgets';

// Several pages, or trainings, per test: generous limits that do not depend on the machine's speed.
test.describe.configure({ timeout: 240_000 });

const PAGE_NOTICE = '阅读进度、练习记录和打开过的作业不会保存';
const TRAIN = '动手：训练并运行 5.2 节的文本生成模型';

/** Uncaught exceptions and unhandled rejections on the page. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Chromium with site data blocked: reading `window.localStorage` itself throws. */
function refuseGetter() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
    },
  });
}

/** Safari's private mode: the object is there, every call on it throws. */
function refuseMethods() {
  for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const) {
    Object.defineProperty(Storage.prototype, name, {
      configurable: true,
      value() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  }
}

/** What a returning reader has stored before this visit. */
const before = {
  [PROGRESS_KEY]: JSON.stringify({ version: 2, sections: { 'sec-4-1': { how: 'manual', at: '2026-01-02T03:04:05.000Z' } }, exercises: {}, tasks: {} }),
  'dmx.assignments': JSON.stringify([{ code: '1.x', title: '旧作业', openedAt: '2026-01-02T03:04:05.000Z' }]),
  'starlight-theme': 'dark',
};

const stored = (page: Page, keys: string[]) => page.evaluate((ks) => Object.fromEntries(ks.map((k) => [k, localStorage.getItem(k)])), keys);

/** Every island on the page hydrates once it is scrolled to and pointed at. */
async function allIslandsHydrate(page: Page) {
  const islands = page.locator('astro-island');
  const n = await islands.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const island = islands.nth(i);
    // Islands are `display: contents`; scroll their content into view.
    await island.evaluate((el) => (el.firstElementChild ?? el).scrollIntoView({ block: 'center' }));
    await island.dispatchEvent('pointerover');
    await expect(island).not.toHaveAttribute('ssr');
  }
}

for (const [variant, refuse] of [
  ['the localStorage getter throws (site data blocked)', refuseGetter],
  ['every localStorage call throws (Safari private mode)', refuseMethods],
] as const) {
  test(`when ${variant}, reading, exercises, 我的进度, assignments and the theme work for the visit, say so, and keep what was stored`, async ({ context }) => {
    const seed = await context.newPage();
    await seed.goto('/');
    await seed.evaluate((values) => Object.entries(values).forEach(([k, v]) => localStorage.setItem(k, v)), before);

    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.addInitScript(refuse);
    await page.goto('/chapter-04/');
    await expect(page.getByRole('status').filter({ hasText: PAGE_NOTICE })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: PAGE_NOTICE })).toHaveCount(1);

    // Reading progress: the 已读 toggle and the sidebar count work for the visit.
    const toggle = page.getByRole('button', { name: /^已读：4\.2/ });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('nav.sidebar a[href$="/chapter-04/"] .read-count')).toHaveText(/^[1-9]\d*\//);

    // Exercises: answered and counted.
    const ex = page.locator('[data-exercise-id="ex-4-4"]');
    await ex.scrollIntoViewIfNeeded();
    await hydrated(ex);
    await ex.getByRole('radio').first().check();
    await ex.getByRole('button', { name: '检查答案' }).click();
    await expect(ex.getByRole('status')).toContainText('✓ 正确。'); // not '正确': a wrong answer's hint may name “正确值”
    await expect(ex).toHaveAttribute('data-attempts', '1');

    // Theme: Starlight's picker still switches the theme.
    await page.getByRole('combobox', { name: '选择主题' }).first().selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await allIslandsHydrate(page);

    // 我的进度: opens, says so, and an imported file is merged for the visit.
    await page.goto('/progress/');
    await expect(page.getByRole('status').filter({ hasText: PAGE_NOTICE })).toBeVisible();
    await hydrated(page.locator('.progress-view'));
    const file = JSON.stringify({ version: 2, sections: { 'sec-2-1': { how: 'manual', at: '2026-01-02T03:04:05.000Z' } }, exercises: {}, tasks: {} });
    await page.getByLabel('导入进度文件（与现有记录合并）').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(page.getByRole('status').filter({ hasText: '已导入并合并' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^2\.1 / }) })).toContainText('✓ 已读');

    // Assignments: a link opens its checklist.
    await page.goto(assignmentLink(sampleAssignment('隐私窗口里的作业')));
    await expect(page.getByRole('heading', { name: '隐私窗口里的作业' })).toBeVisible();
    await expect(page.locator('.assignment')).toHaveAttribute('data-total', '2');
    await expect(page.getByRole('status').filter({ hasText: PAGE_NOTICE })).toBeVisible();

    expect(errors).toEqual([]);
    // Nothing stored before the visit was lost or overwritten.
    expect(await stored(seed, Object.keys(before))).toEqual(before);
  });
}

/** The text lab on 我的文本 with the smallest training it allows: one epoch, the largest batch. */
async function smallestTraining(page: Page, url = '/chapter-05/'): Promise<Locator> {
  const widget = await openWidget(page, url, TRAIN);
  await widget.getByRole('radio', { name: '我的文本' }).check();
  await widget.getByLabel(/我的文本（粘贴/).fill('白日依山尽，黄河入海流。欲穷千里目，更上一层楼。\n'.repeat(Math.ceil(MIN_CHARS / 20)));
  for (const [label, value] of [
    ['训练轮数', TEXTGEN_RULES.epochs.min],
    ['批大小', TEXTGEN_RULES.batch.max],
    ['长度', 10],
  ] as const) {
    const field = widget.getByLabel(label, { exact: true });
    await field.fill(String(value));
    await field.press('Enter');
  }
  return widget;
}

/** Trains and waits for the final message, which must contain `expected`. */
const train = async (widget: Locator, expected: string) => {
  await widget.getByRole('button', { name: '开始训练' }).click();
  const message = widget.locator('.train-panel [role="status"]').filter({ hasText: /^训练完成/ });
  await expect(message).toContainText(expected, { timeout: 120_000 });
  return message;
};

/** The text lab's saved model as IndexedDB holds it (tf.io's database), or null. */
const savedRecord = (page: Page, name: string) =>
  page.evaluate(
    (path) =>
      new Promise<string | null>((resolve) => {
        const req = indexedDB.open('tensorflowjs');
        req.onerror = () => resolve(null);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('models_store')) {
            db.close();
            return resolve(null);
          }
          const get = db.transaction('models_store').objectStore('models_store').get(path);
          get.onsuccess = () => resolve(get.result ? JSON.stringify(get.result.modelArtifacts.userDefinedMetadata) : null);
          get.onerror = () => resolve(null);
          get.transaction?.addEventListener('complete', () => db.close());
        };
      }),
    `textlab-${name}`,
  );

/** A browser without IndexedDB. */
const noIndexedDB = () => Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined });

/** As Firefox does with site data blocked: the factory is there, open() refuses. */
function indexedDBRefused() {
  IDBFactory.prototype.open = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
}

for (const [variant, refuse] of [
  ['the browser has no IndexedDB', noIndexedDB],
  ['opening IndexedDB fails', indexedDBRefused],
] as const) {
  test(`when ${variant}, the text lab writes, trains and uses its model, and says the model will not be saved`, async ({ page }) => {
    const errors = pageErrors(page);
    await page.addInitScript(refuse);
    const widget = await smallestTraining(page);
    const message = await train(widget, '这个模型不会保存：浏览器不允许本站使用本地存储');
    await expect(message).not.toContainText('模型已保存');
    await expect(widget.locator('.model')).toContainText('在本页训练的模型');
    await widget.getByRole('button', { name: '生成', exact: true }).click();
    await expect(widget).not.toHaveAttribute('data-chars', '0', { timeout: 60_000 });
    await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: 60_000 });
    expect(errors).toEqual([]);
  });
}

test('训练完成，模型已保存 appears only once the model is stored in IndexedDB', async ({ page }) => {
  const errors = pageErrors(page);
  const widget = await smallestTraining(page);
  await train(widget, '训练完成，模型已保存');
  expect(await savedRecord(page, 'mine')).not.toBeNull();
  // And the page reopens on it.
  await page.reload();
  const again = page.getByRole('region', { name: TRAIN });
  await again.scrollIntoViewIfNeeded();
  await hydrated(again);
  await again.getByRole('button', { name: '生成', exact: true }).click();
  await expect(again).not.toHaveAttribute('data-chars', '0', { timeout: 60_000 });
  await expect(again.locator('.model')).toContainText('本浏览器中保存的模型');
  expect(errors).toEqual([]);
});

test('on a full disk, saving the trained model says it was not saved, and the model works for the visit', async ({ page, baseURL }) => {
  const errors = pageErrors(page);
  // Chromium applies a quota override only to an origin that has not used storage yet, so this
  // test reaches the same server as 127.0.0.1, an origin no other test of the run uses.
  const fresh = new URL(baseURL!);
  fresh.hostname = '127.0.0.1';
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: fresh.origin, quotaSize: 1024 });
  const widget = await smallestTraining(page, new URL('/chapter-05/', fresh).href);
  const message = await train(widget, '这个模型不会保存：浏览器的存储空间已满');
  await expect(message).not.toContainText('模型已保存');
  await expect(widget.locator('.model')).toContainText('在本页训练的模型');
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget).not.toHaveAttribute('data-chars', '0', { timeout: 60_000 });
  await expect(widget).toHaveAttribute('data-generating', 'false', { timeout: 60_000 });
  // Nothing half-saved is left for the next visit to trip over.
  expect(await savedRecord(page, 'mine')).toBeNull();
  expect(errors).toEqual([]);
});

for (const [variant, refuse, says] of [
  ['the localStorage getter throws (site data blocked)', refuseGetter, '本浏览器里还没有保存在 5.2 节训练的 LSTM'],
  ['the browser has no IndexedDB', noIndexedDB, '读不到你在本书里训练的模型：浏览器不允许本站使用本地存储'],
  ['opening IndexedDB fails', indexedDBRefused, '读不到你在本书里训练的模型：浏览器不允许本站使用本地存储'],
] as const) {
  test(`when ${variant}, §10.4 asked for the reader's models analyses with the checkpoints and says why`, async ({ page }) => {
    const errors = pageErrors(page);
    await page.addInitScript(refuse);
    const widget = await openWidget(page, '/chapter-10/#why.src=mine', '动手：看模型内部在做什么');
    await widget.getByRole('button', { name: '分析', exact: true }).click();
    await expect(widget).toHaveAttribute('data-analysed', 'yes', { timeout: 120_000 });
    await expect(widget.getByRole('list', { name: '提示' })).toContainText(says);
    await expect(widget.getByRole('figure', { name: /LSTM 预训练检查点/ })).toBeVisible();
    await expect(widget.getByRole('figure', { name: /Transformer 预训练检查点/ })).toBeVisible();
    await expect(widget.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test('when IndexedDB never answers in the lab worker, §10.4 stops waiting, says so, and analyses the checkpoints', async ({ page }) => {
  const errors = pageErrors(page);
  // The worker's open requests stay pending for good, as Safari 14.1's first open can; the page's own probe is untouched.
  await page.route('**/_astro/lab.worker.*.js', async (route) => {
    const response = await route.fetch();
    // The response's own headers kept: the worker is refused without them.
    await route.fulfill({ response, body: `IDBFactory.prototype.open = function () { return {}; };\n${await response.text()}` });
  });
  const widget = await openWidget(page, '/chapter-10/#why.src=mine', '动手：看模型内部在做什么');
  await widget.getByRole('button', { name: '分析', exact: true }).click();
  await expect(widget).toHaveAttribute('data-analysed', 'yes', { timeout: 120_000 });
  await expect(widget.getByRole('list', { name: '提示' })).toContainText('读不到你在本书里训练的模型：浏览器的本地存储 3 秒内没有响应。已改用预训练检查点。');
  await expect(widget.getByRole('figure', { name: /LSTM 预训练检查点/ })).toBeVisible();
  await expect(widget.getByRole('figure', { name: /Transformer 预训练检查点/ })).toBeVisible();
  await expect(widget.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});
