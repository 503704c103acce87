/**
 * §10.4 interpretability view: a unit's activation on every character (value printed, not only
 * coloured), the units ranked on a character class, and gradient saliency with the attention of
 * the Transformer's last position — the numbers recomputed here by independent float64 models
 * (support/lstm-reference.ts, support/tang-gpt.ts). Bad text and links get clear notices.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadLstmRef, logProb, runLstm, saliencyAt, type LstmRef } from './support/lstm-reference';
import { useTheme } from './support/site';
import { expected, idsOf, loadTangGpt } from './support/tang-gpt';
import { axeViolations, expectExerciseAccepts } from './support/widget-checks';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';

const TITLE = '动手：看模型内部在做什么';
const TEXT = '床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n';
const open = (page: Page, hash = '') => openWidget(page, `/chapter-10/${hash}`, TITLE);

async function analyse(widget: Locator): Promise<void> {
  await widget.getByRole('button', { name: '分析', exact: true }).click();
  await expect(widget).toHaveAttribute('data-analysed', 'yes', { timeout: COMPUTE_TIMEOUT });
  await expect(widget).toHaveAttribute('data-running', 'false', { timeout: COMPUTE_TIMEOUT });
}

/** "+0.12" / "−0.12" as a number. */
const num = (text: string) => Number(text.trim().replace('−', '-').replace('%', ''));
const shown = (c: string) => (c === '\n' ? '↵' : c);
const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
const ranked = (acts: number[][], mask: boolean[]) =>
  acts[0]
    .map((_, u) => {
      const mean = (inside: boolean) => {
        const vals = acts.filter((_, t) => mask[t] === inside).map((r) => r[u]);
        return vals.reduce((a, b) => a + b, 0) / vals.length;
      };
      return { u, s: mean(true) - mean(false) };
    })
    .sort((a, b) => b.s - a.s);

let lstm: LstmRef;
test.beforeAll(() => {
  lstm = loadLstmRef();
});

test("a unit's activation is printed under every character, and the ranking on punctuation matches an independent LSTM", async ({ page }) => {
  test.setTimeout(3 * COMPUTE_TIMEOUT);
  const widget = await open(page);
  await analyse(widget);
  const ids = [...TEXT].map((c) => lstm.vocab.indexOf(c));
  const { acts } = runLstm(lstm, ids);
  const list = widget.getByRole('list', { name: '隐藏单元 0 在每个字上的激活' });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(ids.length);
  const labels = await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  labels.forEach((label, t) => {
    expect(label).toContain(`“${shown(TEXT[t])}”`);
    expect(Math.abs(num(label.split(' ').at(-1)!) - acts[t][0])).toBeLessThanOrEqual(0.006);
  });
  const table = widget.getByRole('table').filter({ hasText: '类内平均' });
  const units = (await table.getByRole('button').allInnerTexts()).map((t) => Number(t.replace('单元', '')));
  const byHand = ranked(
    acts,
    [...TEXT].map((c) => '，。'.includes(c)),
  );
  expect(units).toEqual(byHand.slice(0, 8).map((r) => r.u));
  // Picking a unit from the ranking shows its activations; the slider then moves by arrow key.
  await table.getByRole('button', { name: `单元 ${units[0]}` }).click();
  await expect(widget.getByRole('list', { name: `隐藏单元 ${units[0]} 在每个字上的激活` })).toBeVisible();
  await expect(widget.getByRole('textbox', { name: '隐藏单元编号' })).toHaveValue(String(units[0]));
  const slider = widget.getByRole('slider');
  await slider.focus();
  await slider.press(units[0] < 127 ? 'ArrowRight' : 'ArrowLeft');
  const next = units[0] < 127 ? units[0] + 1 : units[0] - 1;
  await expect(widget.getByRole('list', { name: `隐藏单元 ${next} 在每个字上的激活` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`why\\.unit=${next}`));
});

test('saliency covers exactly the input characters; the LSTM’s matches central differences, the Transformer’s sits beside its attention', async ({ page }) => {
  test.setTimeout(3 * COMPUTE_TIMEOUT);
  const widget = await open(page);
  await analyse(widget);
  const ids = [...TEXT].map((c) => lstm.vocab.indexOf(c));
  const { logits } = runLstm(lstm, ids);
  const y = argmax(logits);
  const lstmFig = widget.getByRole('figure', { name: /LSTM 预训练检查点/ });
  await expect(lstmFig).toContainText(`预测下一个字是“${shown(lstm.vocab[y])}”（概率 ${(Math.exp(logProb(logits, y)) * 100).toFixed(1)}%）`);
  const rows = lstmFig.locator('tbody tr');
  await expect(rows).toHaveCount(ids.length);
  expect((await rows.locator('th').allInnerTexts()).join('')).toBe([...TEXT].map(shown).join(''));
  const scores = (await rows.locator('td:nth-child(3)').allInnerTexts()).map(num);
  scores.forEach((s) => expect(Number.isFinite(s) && s >= 0).toBe(true));
  for (const j of [ids.length - 1, ids.length - 2, 0]) {
    const fd = saliencyAt(lstm, ids, j, y);
    expect(Math.abs(scores[j] - fd), `position ${j + 1}`).toBeLessThanOrEqual(0.01 * fd + 1e-4);
  }
  const shares = (await rows.locator('td:nth-child(4)').allInnerTexts()).map(num);
  expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.5);

  const gpt = loadTangGpt();
  const gids = idsOf(gpt, TEXT);
  const last = gids.length - 1;
  const p = expected(gpt, gids, 0, 0).p[last];
  const gpFig = widget.getByRole('figure', { name: /Transformer 预训练检查点/ });
  await expect(gpFig).toContainText(`预测下一个字是“${shown(gpt.vocab[argmax(p)])}”`);
  const gRows = gpFig.locator('table').first().locator('tbody tr');
  await expect(gRows).toHaveCount(gids.length);
  for (const s of (await gRows.locator('td:nth-child(3)').allInnerTexts()).map(num)) expect(Number.isFinite(s) && s >= 0).toBe(true);
  const attn = gpFig.getByRole('table', { name: /注意力权重/ });
  const aRows = attn.locator('tbody tr');
  await expect(aRows).toHaveCount(gpt.config.layers * gpt.config.heads);
  for (let l = 0; l < gpt.config.layers; l++) {
    for (let h = 0; h < gpt.config.heads; h++) {
      const want = expected(gpt, gids, l, h).a[last];
      const got = (
        await aRows
          .nth(l * gpt.config.heads + h)
          .locator('td')
          .allInnerTexts()
      ).map(num);
      expect(got).toHaveLength(gids.length);
      got.forEach((a, j) => expect(Math.abs(a - want[j]), `layer ${l + 1} head ${h + 1} key ${j + 1}`).toBeLessThanOrEqual(0.006));
    }
  }
  await expect(widget).not.toContainText('NaN');
});

test('empty text is refused; NUL, U+FFFD, emoji, unknown characters and over-long text get notices', async ({ page }) => {
  test.setTimeout(2 * COMPUTE_TIMEOUT);
  const widget = await open(page);
  const box = widget.getByRole('textbox', { name: /要分析的文字/ });
  await box.fill('');
  await box.blur();
  await expect(widget.getByRole('alert').filter({ hasText: '文字为空' })).toBeVisible();
  await widget.getByRole('button', { name: '分析', exact: true }).click();
  await expect(widget.getByRole('alert').filter({ hasText: '请先改正' })).toBeVisible();
  await expect(widget).toHaveAttribute('data-analysed', 'no');
  await expect(box).toBeFocused();
  // Over-long: the last 64 characters are read (transformer/context.ts), so the ones to check come last.
  await box.fill(`${'春'.repeat(70)}明\u0000月\uFFFD😀龘`);
  await box.blur();
  // U+FFFD is named as the other widgets name it (textgen/unreadable.ts): the link may be damaged.
  await expect(widget.getByRole('list', { name: '提示' })).toContainText('（U+FFFD），可能是链接在转发时损坏了');
  await expect(widget.getByRole('list', { name: '提示' })).toContainText('已删去 2 个无法识别或不可见的字符。');
  await expect(widget.getByRole('list', { name: '提示' })).toContainText('文字有 74 个字符，超过了 Transformer 的上下文长度 64：模型只读最后 64 个字符');
  // The field keeps what the reader typed; the notices above say what is read of it.
  await expect(box).toHaveValue(`${'春'.repeat(70)}明\u0000月\uFFFD😀龘`);
  await analyse(widget);
  await expect(widget.getByRole('list', { name: '提示' })).toContainText('“😀”');
  await expect(widget.getByRole('list', { name: '提示' })).toContainText('按 <unk>（未知字符）处理');
  await expect(widget.getByRole('list', { name: /隐藏单元 0/ }).getByRole('listitem')).toHaveCount(64);
  await expect(widget).not.toContainText('\uFFFD');
  await expect(widget).not.toContainText('NaN');
});

test('a bad unit, class or character in the link gets a message and the default', async ({ page }) => {
  const widget = await open(page, '#why.unit=999&why.cls=bogus&why.ch=%E6%98%8E%E6%9C%88');
  await expect(widget.getByRole('alert').filter({ hasText: '隐藏单元编号必须在 0 到 127 之间' })).toBeVisible();
  // Options are named as the reader sees them beside the radio buttons, not by their link names.
  await expect(widget.getByRole('alert').filter({ hasText: '未知的字符类别“bogus”' })).toContainText('可选：标点、换行、指定的字。');
  await expect(widget.getByRole('alert').filter({ hasText: '指定的字必须正好是一个可见的字符' })).toBeVisible();
});

test('an invisible character in a link is quoted visibly, by its code point', async ({ page }) => {
  // A zero-width space before the 5: the message must show it, not quote an apparently plain “5”.
  const widget = await open(page, '#why.unit=%E2%80%8B5');
  await expect(widget.getByRole('alert').filter({ hasText: '隐藏单元编号必须是数字' })).toContainText('收到“U+200B5”');
});

test('a link’s over-long text and a unit of −0 are applied with a notice each, which goes once that field is edited', async ({ page }) => {
  const widget = await open(page, `#why.text=${encodeURIComponent('春'.repeat(70))}&why.unit=-0`);
  await expect(widget.getByRole('status').filter({ hasText: '链接中的文字已修正' })).toContainText(
    '文字有 70 个字符，超过了 Transformer 的上下文长度 64：模型只读最后 64 个字符',
  );
  await expect(widget.getByRole('status').filter({ hasText: '链接中的隐藏单元编号' })).toHaveText('链接中的隐藏单元编号“-0”已按 0 使用。');
  await expect(widget.getByRole('textbox', { name: /要分析的文字/ })).toHaveValue('春'.repeat(64));
  const box = widget.getByRole('textbox', { name: /要分析的文字/ });
  await box.fill('春眠不觉晓');
  await box.blur();
  await expect(widget.getByRole('status').filter({ hasText: '链接中的文字' })).toHaveCount(0);
  await expect(widget.getByRole('status').filter({ hasText: '链接中的隐藏单元编号' })).toBeVisible();
});

test('notices describe the current text only: editing it drops the old ones and marks the old analysis as out of date', async ({ page }) => {
  test.setTimeout(3 * COMPUTE_TIMEOUT);
  const widget = await open(page);
  const box = widget.getByRole('textbox', { name: /要分析的文字/ });
  const notices = widget.getByRole('list', { name: '提示' });
  await box.fill('明\u0000月😀光');
  await box.blur();
  await analyse(widget);
  await expect(notices).toContainText('已删去 1 个');
  await expect(notices).toContainText('“😀”');
  await box.fill('床前明月光');
  await box.blur();
  await expect(notices).toHaveCount(0);
  await expect(widget.getByRole('status').filter({ hasText: '文字或模型已改动' })).toBeVisible();
  await analyse(widget);
  await expect(widget.getByRole('status').filter({ hasText: '文字或模型已改动' })).toHaveCount(0);
  await expect(widget.getByRole('list', { name: /隐藏单元 0/ }).getByRole('listitem')).toHaveCount(5);
});

test('分析 pressed by keyboard says each step as it goes, keeps focus, and shows progress while the models load', async ({ page }) => {
  test.setTimeout(3 * COMPUTE_TIMEOUT);
  const widget = await open(page);
  // Every text the aria-live status takes, in order (a MutationObserver sees each change).
  await page.evaluate(() => {
    const live = document.querySelector('.whyview [aria-live]')!;
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
  });
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/models/poetry/weights.bin', async (route) => {
    await gate;
    await route.continue();
  });
  const button = widget.getByRole('button', { name: '分析', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('progressbar')).toBeVisible();
  await expect(widget.getByText('正在加载模型…')).toBeVisible();
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  release();
  await expect(widget).toHaveAttribute('data-analysed', 'yes', { timeout: COMPUTE_TIMEOUT });
  await expect(widget.getByRole('progressbar')).toHaveCount(0);
  await expect(button).toBeFocused();
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  for (const step of ['LSTM 的隐藏单元激活（16/26 个字）', 'LSTM 的隐藏单元激活（26/26 个字）', 'LSTM 的梯度显著性', 'Transformer 的注意力']) {
    expect(
      seen.some((s) => s.startsWith(`正在分析：${step}`)),
      step,
    ).toBe(true);
  }
  expect(seen.at(-1)).toContain('分析完成');
});

test('at 375 px the attention table’s caption wraps within the page', async ({ page }) => {
  test.setTimeout(2 * COMPUTE_TIMEOUT);
  await page.setViewportSize({ width: 375, height: 800 });
  const widget = await open(page);
  await analyse(widget);
  const caption = widget.getByText('最后一个字（预测下一个字的位置）在每一层、每个头里对各个字的注意力权重');
  await caption.scrollIntoViewIfNeeded();
  const box = (await caption.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await expect(caption).toBeInViewport({ ratio: 1 });
});

test('a chosen character ranks units on it, and the link keeps text, unit and class', async ({ page, browser }) => {
  test.setTimeout(3 * COMPUTE_TIMEOUT);
  const widget = await open(page, `#why.text=${encodeURIComponent('白日依山尽，黄河入海流。')}&why.cls=char&why.ch=%E6%B2%B3&why.unit=5`);
  await analyse(widget);
  await expect(widget.getByRole('table').filter({ hasText: '类内平均' }).locator('caption')).toContainText('“河”');
  await expect(widget.getByRole('list', { name: '隐藏单元 5 在每个字上的激活' }).getByRole('listitem')).toHaveCount(12);
  const ch = widget.getByRole('textbox', { name: '指定的字' });
  await ch.fill('鹤');
  await ch.blur();
  await expect(widget.getByRole('status').filter({ hasText: '文字里没有“鹤”' })).toBeVisible();
  await widget.getByRole('button', { name: '复制链接' }).click();
  const other = await browser.newPage();
  const again = await openWidget(other, page.url().replace(/^https?:\/\/[^/]+/, ''), TITLE);
  await expect(again.getByRole('textbox', { name: /要分析的文字/ })).toHaveValue('白日依山尽，黄河入海流。');
  await analyse(again);
  await expect(again.getByRole('radio', { name: '指定的字' })).toBeChecked();
  await expect(again.getByRole('textbox', { name: '隐藏单元编号' })).toHaveValue('5');
  await other.close();
});

/** Puts an LSTM where the §5.2 text lab saves one (indexeddb://textlab-mine), as tf.io's IndexedDB layout has it. */
async function saveTinyLstm(page: Page, m: LstmRef): Promise<void> {
  const flat = [m.emb, m.K, m.R, [m.b], m.D, [m.d]].map((rows) => rows.flat());
  const shapes = [
    [m.emb.length, m.emb[0].length],
    [m.K.length, m.K[0].length],
    [m.R.length, m.R[0].length],
    [m.b.length],
    [m.D.length, m.D[0].length],
    [m.d.length],
  ];
  const names = ['embedding/embeddings', 'lstm/kernel', 'lstm/recurrent_kernel', 'lstm/bias', 'dense/kernel', 'dense/bias'];
  await page.evaluate(
    ({ flat, shapes, names, vocab }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('tensorflowjs', 1);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('models_store', { keyPath: 'modelPath' });
          req.result.createObjectStore('model_info_store', { keyPath: 'modelPath' });
        };
        req.onsuccess = () => {
          const tx = req.result.transaction(['models_store', 'model_info_store'], 'readwrite');
          const modelPath = 'textlab-mine';
          const weightData = new Float32Array(flat.flat()).buffer;
          tx.objectStore('model_info_store').put({ modelPath, modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } });
          tx.objectStore('models_store').put({
            modelPath,
            modelArtifacts: {
              modelTopology: {},
              weightSpecs: names.map((name, i) => ({ name, shape: shapes[i], dtype: 'float32' })),
              weightData,
              userDefinedMetadata: { vocab, epochs: 1, corpus: 'mine' },
            },
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    { flat, shapes, names, vocab: m.vocab },
  );
}

test("“my trained model” uses the reader's saved LSTM, and says the Transformer has none saved", async ({ page }) => {
  test.setTimeout(2 * COMPUTE_TIMEOUT);
  // A tiny LSTM (V = 8, E = 3, U = 4) with fixed weights, so its numbers can be recomputed here.
  const vocab = ['<unk>', ...'白日依山尽，。'];
  const w = (r: number, c: number, s: number) => Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => Math.sin(s + 1.3 * i + 0.7 * j)));
  const mine: LstmRef = { vocab, emb: w(8, 3, 1), K: w(3, 16, 2), R: w(4, 16, 3), b: w(1, 16, 4)[0], D: w(4, 8, 5), d: w(1, 8, 6)[0] };
  await page.goto('/chapter-10/');
  await saveTinyLstm(page, mine);
  const widget = await open(page, `#why.src=mine&why.text=${encodeURIComponent('白日依山尽，')}&why.unit=3`);
  await expect(widget.getByRole('radio', { name: '我在本书里训练的模型' })).toBeChecked();
  await analyse(widget);
  await expect(widget.getByRole('figure', { name: /我训练的 LSTM（语料：我的文本，1 轮）/ })).toBeVisible();
  await expect(widget.getByRole('list', { name: '提示' })).toContainText('还没有保存在附录 A 训练的 Transformer');
  await expect(widget.getByRole('slider')).toHaveAttribute('max', '3');
  const ids = [...'白日依山尽，'].map((c) => vocab.indexOf(c));
  const { acts } = runLstm(mine, ids);
  const labels = await widget
    .getByRole('list', { name: '隐藏单元 3 在每个字上的激活' })
    .getByRole('listitem')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels).toHaveLength(ids.length);
  labels.forEach((label, t) => expect(Math.abs(num(label.split(' ').at(-1)!) - acts[t][3])).toBeLessThanOrEqual(0.006));
  const field = widget.getByRole('textbox', { name: '隐藏单元编号' });
  await field.fill('9');
  await field.press('Enter');
  await expect(widget.getByRole('alert').filter({ hasText: '这个模型只有 4 个隐藏单元' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the view after an analysis has no axe violations in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(2 * COMPUTE_TIMEOUT);
    await useTheme(page, theme);
    const widget = await open(page);
    await analyse(widget);
    expect(await axeViolations(page, '.whyview', ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])).toEqual([]);
  });
}

test('exercise 10-5 accepts the unit an independent LSTM ranks first on punctuation', async ({ page }) => {
  const ids = [...TEXT].map((c) => lstm.vocab.indexOf(c));
  const best = ranked(
    runLstm(lstm, ids).acts,
    [...TEXT].map((c) => '，。'.includes(c)),
  )[0].u;
  await expectExerciseAccepts(page, '/chapter-10/', 'ex-10-5', String(best));
});
