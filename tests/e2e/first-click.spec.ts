/**
 * Issue 9 §3: every widget answers a click made before its island has hydrated. The CPU runs 4×
 * slower (a slow phone), and the island's own module is held back until the click has been made,
 * so the click always lands on the server-rendered markup, whatever the machine's speed. Then the
 * module is let through, and the click's outcome must appear.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated } from './support/widgets';

/**
 * Slows the CPU 4× and holds back the island module `component` (its Vite chunk,
 * `/_astro/<component>.<hash>.js`) until the returned function is called.
 */
async function slowIsland(page: Page, component: string): Promise<() => void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(new RegExp(`/_astro/${component}\\.[\\w-]+\\.js$`), async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** The island around `widget`, checked to be still server-rendered (not hydrated). */
async function notHydrated(widget: Locator): Promise<Locator> {
  const island = widget.locator('xpath=ancestor::astro-island');
  await expect(island).toHaveAttribute('ssr', '');
  return island;
}

/**
 * Opens `url` with the island `component` held back and the CPU slowed, scrolls to the element
 * `find` locates, and checks it is still server-rendered. `release` lets the island's code through.
 */
async function beforeHydration(page: Page, component: string, url: string, find: (page: Page) => Locator): Promise<{ widget: Locator; release: () => void }> {
  const release = await slowIsland(page, component);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const widget = find(page);
  await widget.scrollIntoViewIfNeeded();
  await notHydrated(widget);
  return { widget, release };
}

const region = (name: string) => (page: Page) => page.getByRole('region', { name });

// A 4× slower CPU on a shared machine: wait for outcomes generously (they are states, not rates).
const LONG = { timeout: 60_000 };
test.describe.configure({ timeout: 120_000 });

test('forward explorer: 计算 clicked before hydration computes', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'ForwardExplorer', '/chapter-04/', region('动手：改动 x 和权重，看每一层的 z 与 a'));
  await widget.getByRole('button', { name: '计算' }).click();
  release();
  await expect(widget.locator('.numbers li').first()).toBeVisible(LONG);
});

test('backprop stepper: 下一步 clicked before hydration takes the first step', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'BackpropStepper', '/chapter-04/', region('动手：逐步执行反向传播'));
  await widget.getByRole('button', { name: '下一步' }).click();
  release();
  await expect(widget).toHaveAttribute('data-step', '0', LONG);
});

test('backprop stepper: Enter on a focused 下一步 before hydration takes the first step', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'BackpropStepper', '/chapter-04/', region('动手：逐步执行反向传播'));
  const next = widget.getByRole('button', { name: '下一步' });
  await next.focus();
  await page.keyboard.press('Enter');
  release();
  await expect(widget).toHaveAttribute('data-step', '0', LONG);
  await expect(next).toBeFocused();
});

test('attention stepper: 下一步 clicked before hydration takes the first step', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'AttentionStepper', '/appendix-a/', region('动手：逐步计算一个注意力头'));
  await widget.getByRole('button', { name: '下一步' }).click();
  release();
  await expect(widget).toHaveAttribute('data-step', '1', LONG);
});

test('a click waiting for its widget says 加载中…, and the hint goes once the click is carried out', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'BackpropStepper', '/chapter-04/', region('动手：逐步执行反向传播'));
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('status').filter({ hasText: '加载中…' })).toBeVisible();
  release();
  await expect(widget).toHaveAttribute('data-step', '0', LONG);
  await expect(page.getByText('加载中…')).toHaveCount(0);
});

for (const [name, title] of [
  ['training loop', '动手：观察五步训练循环'],
  ['overfitting widget', '动手：观察过拟合，并用 L2 正则化和早停缓解它'],
] as const) {
  test(`${name}: 运行 clicked before hydration starts training`, async ({ page }) => {
    const { widget, release } = await beforeHydration(page, 'TrainingLoop', '/chapter-03/', region(title));
    await widget.getByRole('button', { name: '运行' }).click();
    release();
    await expect(widget).toHaveAttribute('data-steps', /^[1-9]/, LONG);
    await widget.getByRole('button', { name: '暂停' }).click();
  });
}

test('text lab: 生成 clicked before hydration writes text', async ({ page }) => {
  // A short length, so the run ends on its own: stopping it could come after it ended (a speed, not a state).
  const { widget, release } = await beforeHydration(page, 'TextLab', '/chapter-05/#tg.len=12', region('动手：训练并运行 5.2 节的文本生成模型'));
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  release();
  await expect(widget).toHaveAttribute('data-chars', '12', LONG);
  await expect(widget).toHaveAttribute('data-generating', 'false', LONG);
});

test('text lab: a length typed and 生成 pressed before hydration write exactly that many characters', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'TextLab', '/chapter-05/', region('动手：训练并运行 5.2 节的文本生成模型'));
  const length = widget.getByRole('textbox', { name: '长度' });
  await length.fill('7');
  await length.press('Enter');
  await length.blur();
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  release();
  await expect(widget).toHaveAttribute('data-chars', '7', LONG);
  await expect(widget).toHaveAttribute('data-generating', 'false', LONG);
  await expect(widget).toHaveAttribute('data-chars', '7');
  await expect(length).toHaveValue('7');
});

test('generation lab (附录 A): 生成 clicked before hydration writes text', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'GptLab', '/appendix-a/#gpt.len=12', region('动手：Transformer 写诗，并与 LSTM 对比'));
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  release();
  await expect(widget).toHaveAttribute('data-chars', '12', LONG);
});

test('generation lab (附录 A): a prompt cleared before hydration, still being edited, stays cleared, and 生成 starts from the empty prompt', async ({
  page,
}) => {
  const { widget, release } = await beforeHydration(page, 'GptLab', '/appendix-a/#gpt.len=12', region('动手：Transformer 写诗，并与 LSTM 对比'));
  const prompt = widget.getByRole('textbox', { name: '开头文字' });
  // Typed, not committed: the field keeps focus, so no change event has been held.
  await prompt.fill('');
  release();
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, LONG);
  await expect(prompt).toHaveValue('');
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget.getByRole('status').filter({ hasText: '开头文字是空的' })).toBeVisible(LONG);
  await expect(widget).toHaveAttribute('data-chars', '12', LONG);
});

test('text lab (§5.2): a prompt typed before hydration, still being edited, is the one 生成 continues', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'TextLab', '/chapter-05/#tg.len=5', region('动手：训练并运行 5.2 节的文本生成模型'));
  const prompt = widget.getByRole('textbox', { name: '开头文字' });
  await prompt.fill('白日');
  release();
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, LONG);
  await expect(prompt).toHaveValue('白日');
  await widget.getByRole('button', { name: '生成', exact: true }).click();
  await expect(widget).toHaveAttribute('data-generating', 'false', LONG);
  await expect(widget).toHaveAttribute('data-chars', '5');
  await expect(widget.locator('.output .prompt')).toHaveText('白日');
});

test('exercise: an option and 检查答案 clicked before hydration are both carried out, in order', async ({ page }) => {
  const { widget: ex, release } = await beforeHydration(page, 'Exercise', '/chapter-04/', (p) => p.locator('[data-exercise-id="ex-4-4"]'));
  await ex.getByRole('radio').nth(1).click();
  await ex.getByRole('button', { name: '检查答案' }).click();
  release();
  await expect(ex.getByRole('status')).toContainText('还不对', LONG);
  await expect(ex.getByRole('radio').nth(1)).toBeChecked();
  await expect(page).toHaveURL(/\/chapter-04\/$/);
});

test('assignment builder: a title and a section picked before hydration make a link', async ({ page }) => {
  const { widget: builder, release } = await beforeHydration(page, 'AssignBuilder', '/assign/', (p) => p.locator('.builder'));
  await builder.getByRole('textbox', { name: '标题' }).fill('第四章作业');
  await builder.getByRole('checkbox').first().click();
  release();
  await expect(builder.getByRole('button', { name: '复制作业链接' })).toBeVisible(LONG);
  await expect(builder.getByRole('checkbox').first()).toBeChecked();
});

test('我的进度: 导出进度 clicked before hydration downloads the file', async ({ page }) => {
  const { widget: view, release } = await beforeHydration(page, 'ProgressView', '/progress/', (p) => p.locator('.progress-view'));
  const download = page.waitForEvent('download', LONG);
  await view.getByRole('button', { name: '导出进度（JSON）' }).click();
  release();
  expect((await download).suggestedFilename()).toBe('我的学习进度.json');
});

// Issue 9 §9: a control that works (or swaps 运行 for 暂停) keeps keyboard focus, so the next key acts.
test('training loop: Enter on 运行, then Enter again pauses, with focus kept on the one button', async ({ page }) => {
  await page.goto('/chapter-03/');
  const widget = page.getByRole('region', { name: '动手：观察五步训练循环' });
  await widget.scrollIntoViewIfNeeded();
  await hydrated(widget);
  const run = widget.getByRole('button', { name: '运行' });
  await run.focus();
  await page.keyboard.press('Enter');
  const pause = widget.getByRole('button', { name: '暂停' });
  await expect(pause).toBeFocused(LONG);
  await expect(widget).toHaveAttribute('data-steps', /^[1-9]/, LONG);
  await page.keyboard.press('Enter');
  await expect(run).toBeFocused();
});

test('attention map: a character clicked before hydration is selected, and every head shows its row', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'AttentionMap', '/appendix-a/', region('动手：每个头在看哪里'));
  await widget.getByRole('button', { name: '第 3 个字“明”' }).click();
  release();
  await expect(widget.getByRole('button', { name: '第 3 个字“明”' })).toHaveAttribute('aria-pressed', 'true', LONG);
  await expect(widget).toHaveAttribute('data-pos', '2');
  await expect(widget.getByRole('figure', { name: '第 2 层 · 头 4' }).locator('li')).toHaveCount(3);
});

test('attention map: text typed before hydration is kept, and Enter then computes its map', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'AttentionMap', '/appendix-a/', region('动手：每个头在看哪里'));
  const field = widget.getByRole('textbox', { name: /^文字/ });
  // Typed, not committed: no change event, so nothing is held; only the field's own value keeps it.
  await field.fill('白日依山尽');
  release();
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, LONG);
  await expect(field).toHaveValue('白日依山尽');
  await field.press('Enter');
  await expect(widget.getByRole('group', { name: '文字：选一个字' }).getByRole('button')).toHaveText([...'白日依山尽'], LONG);
});

// Issue 11 B: a field's text typed before hydration, still being edited (no change event yet),
// must not be replaced by the server-rendered value when the island wakes.
test('scale calculator: a card count typed before hydration, still being edited, stays, and Tab then computes with it', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'ScaleCalculator', '/chapter-02/', region('动手：模型有多大，训练要多少算力'));
  const cards = widget.getByRole('textbox', { name: '加速卡数量', exact: true });
  await cards.fill('7');
  release();
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, LONG);
  await expect(cards).toHaveValue('7');
  await cards.press('Tab');
  await expect(widget.locator('.results')).toContainText('用 7 张');
});

test('scale calculator: a value selected before hydration is still selected after it, so typing replaces it', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'ScaleCalculator', '/chapter-02/', region('动手：模型有多大，训练要多少算力'));
  const cards = widget.getByRole('textbox', { name: '加速卡数量', exact: true });
  await cards.selectText(); // as a double-click or Tab into the field does
  release();
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, LONG);
  await page.keyboard.type('7');
  await expect(cards).toHaveValue('7'); // not 10247
});

test('interpretability view (§10.4): text typed before hydration, still being edited, stays', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'InterpretView', '/chapter-10/', region('动手：看模型内部在做什么'));
  const text = widget.getByRole('textbox', { name: /^要分析的文字/ });
  await text.fill('白日依山尽');
  release();
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, LONG);
  await expect(text).toHaveValue('白日依山尽');
});

test('compress lab (§9.2): a sparsity typed before hydration, still being edited, stays', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'CompressLab', '/chapter-09/', region('动手：压缩模型，看它损失了多少'));
  const sp = widget.getByRole('textbox', { name: '剪枝稀疏度（%）' });
  await sp.fill('30');
  release();
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, LONG);
  await expect(sp).toHaveValue('30');
});

test('interpretability view (§10.4): 分析 clicked before hydration analyses the text', async ({ page }) => {
  // Two models analysed on a 4× slower CPU: a longer wait for the state, not a speed.
  test.setTimeout(240_000);
  const { widget, release } = await beforeHydration(page, 'InterpretView', '/chapter-10/', region('动手：看模型内部在做什么'));
  await widget.getByRole('button', { name: '分析', exact: true }).click();
  release();
  await expect(widget).toHaveAttribute('data-analysed', 'yes', { timeout: 200_000 });
  await expect(widget.getByRole('list', { name: '隐藏单元 0 在每个字上的激活' }).getByRole('listitem')).toHaveCount(26);
});

test('tour: 下一步 clicked before hydration moves to step 2', async ({ page }) => {
  const { widget, release } = await beforeHydration(page, 'TangGptTour', '/appendix-a/', region('导览：跟着八步看懂这个小 Transformer'));
  await widget.getByRole('button', { name: '下一步' }).click();
  release();
  await expect(widget).toHaveAttribute('data-step', '2', LONG);
});
