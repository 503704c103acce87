/**
 * 附录 A's attention stepper: one head computed by hand with the checkpoint's real numbers.
 * Every number the widget shows is recomputed here by an independent float64 implementation of
 * the model (support/tang-gpt.ts), which reads the checkpoint files itself.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expected, idsOf, loadTangGpt, type Expected, type TangGpt } from './support/tang-gpt';
import { FIX_FIELDS_FIRST } from '../../src/lib/parse/fields';
import { COMPUTE_TIMEOUT } from './support/widgets';

const TITLE = '动手：逐步计算一个注意力头';
const WAIT = { timeout: COMPUTE_TIMEOUT };
// Many numbers are read per step; a loaded shared 2-core machine needs generous limits (states, never rates).
test.describe.configure({ timeout: 480_000 });

let gpt: TangGpt;
test.beforeAll(() => {
  gpt = loadTangGpt();
});

async function open(page: Page, url = '/appendix-a/'): Promise<Locator> {
  await page.goto(url);
  const widget = page.getByRole('region', { name: TITLE });
  await widget.scrollIntoViewIfNeeded();
  // Hydrated (Astro drops `ssr`); on a loaded shared machine this can take a while.
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, WAIT);
  return widget;
}

/** Caption (start) → the expected matrix, for head `head` (0-based) of the expectation. */
function byCaption(e: Expected, head: number): [string, number[][]][] {
  const h = head + 1;
  return [
    ['E[c]', e.token],
    ['P：', e.position],
    ['x⁽⁰⁾ = E[c] + P', e.x0],
    ['x：第', e.x],
    ['u = LN₁(x)', e.u],
    [`Q：第 ${h} 个头`, e.q],
    [`K：第 ${h} 个头`, e.k],
    [`V：第 ${h} 个头`, e.v],
    ['S = QKᵀ/√d_k', e.s],
    ['S′ = S + M', e.masked],
    ['A = softmax(S′)', e.a],
    [`head${h} = AV`, e.head],
    ['Concat(', e.concat],
    ['MultiHead = Concat', e.multi],
    ['h = x + MultiHead', e.h],
    ['LN₂(h)', e.ln2],
    ['z = GELU', e.z],
    ['z·W₂ + b₂', e.mlp],
    ['y = h + z·W₂', e.y],
    ['p：', e.p],
    ['“', e.a], // the build-time figure of the default input
  ];
}

const num = (t: string) => (t.trim() === '−∞' ? -Infinity : Number(t.trim().replace('−', '-')));

/** |shown − exact| within the rounding of `decimals` decimals (and a hair for float64 summation order). */
function close(shown: string, exact: number, decimals: number, where: string): void {
  const v = num(shown);
  expect(Number.isNaN(v), `${where}: "${shown}" is not a number`).toBe(false);
  if (exact === -Infinity) return expect(v, where).toBe(-Infinity);
  expect(Math.abs(v - exact), `${where}: shown ${shown}, exact ${exact}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}

/** Checks every heat map in `scope` against `e`: each visible cell, by its row and its column header. Returns how many were checked. */
async function checkTables(scope: Locator, e: Expected, head: number): Promise<number> {
  const tables = scope.locator('figure.heat table');
  const n = await tables.count();
  const known = byCaption(e, head);
  for (let t = 0; t < n; t++) {
    const table = tables.nth(t);
    const caption = (await table.locator('caption').textContent())!.trim();
    const entry = known.find(([start]) => caption.startsWith(start));
    expect(entry, `unknown matrix “${caption}”`).toBeDefined();
    const matrix = entry![1];
    const grid = await table.evaluate((el: HTMLTableElement) => ({
      head: [...el.tHead!.rows[0].cells].map((c) => c.textContent!.trim()),
      body: [...el.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent!.trim())),
    }));
    expect(grid.body.length, caption).toBe(matrix.length);
    grid.body.forEach((row, i) =>
      row.forEach((cell, c) => {
        const header = grid.head[c];
        if (c === 0 || header === '…') return;
        const column = caption.startsWith('p：') ? Number(header.split(' ')[0]) : Number(header) - 1;
        const decimals = cell.split('.')[1]?.length ?? 0;
        close(cell, matrix[i][column], decimals, `${caption} [${i}, ${header}]`);
      }),
    );
  }
  return n;
}

/** The numbers of each equation line of step k, recomputed; T is the last position. */
function lineNumbers(k: number, e: Expected): number[][] {
  const T = e.q.length - 1;
  const sum = (r: number[]) => r.reduce((a, b) => a + b, 0);
  const h = e.h[T];
  const mu = sum(h) / h.length;
  switch (k) {
    case 1:
      return [[e.token[T][0], e.position[T][0], e.x0[T][0]]];
    case 2:
      return [[e.u[T][0], e.q[T][0], e.k[T][0], e.v[T][0]]];
    case 3:
      return [[sum(e.q[T].map((q, j) => q * e.k[0][j])), Math.sqrt(e.q[0].length), e.s[T][0]]];
    case 4:
      return [[e.masked[T][0]]];
    case 5:
      return [[Math.exp(e.masked[T][0]), sum(e.masked[T].map(Math.exp)), e.a[T][0]], [sum(e.a[T])]];
    case 6:
      return [[e.head[T][0]]];
    case 7:
      return [[e.concat[T][0], e.multi[T][0]]];
    case 8:
      return [
        [e.x[T][0], e.multi[T][0], h[0]],
        [mu, sum(h.map((x) => (x - mu) ** 2)) / h.length, e.ln2[T][0]],
      ];
    case 9:
      return [[e.z[T][0], e.mlp[T][0], e.y[T][0]]];
    default:
      return [[Math.max(...e.p[T]), sum(e.p[T])]];
  }
}

/** Checks the equation lines of step k: the text for screen readers and, once typeset, every filled slot. */
async function checkLines(widget: Locator, k: number, e: Expected): Promise<void> {
  const items = widget.locator('.step .numbers li');
  const want = lineNumbers(k, e);
  await expect(items).toHaveCount(want.length);
  for (let i = 0; i < want.length; i++) {
    const text = (await items.nth(i).locator('.line-text').textContent())!;
    const shown = text.match(/−?\d+\.\d{4}/g) ?? [];
    expect(shown.length, text).toBe(want[i].length);
    shown.forEach((s, j) => close(s, want[i][j], 4, `step ${k} line ${i + 1}: ${text}`));
    const slots = await items.nth(i).locator('[data-slot]').allTextContents();
    if (slots.length) expect(slots).toEqual(shown);
  }
}

/** The top-5 table of step 10: each shown character's probability, likeliest first. */
async function checkTop(widget: Locator, e: Expected): Promise<void> {
  const rows = widget.locator('table.top tbody tr');
  await expect(rows).toHaveCount(e.p.length);
  for (let i = 0; i < e.p.length; i++) {
    const cells = await rows.nth(i).locator('td').allTextContents();
    const ranked = [...e.p[i]].sort((a, b) => b - a);
    cells.forEach((cell, r) => {
      const [ch, p] = cell.split(' ');
      close(p, ranked[r], 4, `top ${r + 1} after position ${i + 1}`);
      close(p, e.p[i][gpt.vocab.indexOf(ch === '↵' ? '\n' : ch)], 4, `p(${ch}) after position ${i + 1}`);
    });
  }
}

const clean = async (widget: Locator) => {
  const text = (await widget.textContent()) ?? '';
  expect(text).not.toMatch(/NaN|\uFFFD/);
};

test('a full cycle of ten steps shows only numbers recomputed independently from the checkpoint', async ({ page }) => {
  const widget = await open(page);
  const ids = idsOf(gpt, '床前明月光');
  const e0 = expected(gpt, ids, 0, 0);
  // Before the first step: the build-time figure of the default input's attention weights.
  expect(await checkTables(widget, e0, 0)).toBe(1);

  await widget.getByRole('combobox', { name: '层' }).selectOption({ label: '第 2 层' });
  await widget.getByRole('combobox', { name: '头' }).selectOption({ label: '第 3 个头' });
  const e = expected(gpt, ids, 1, 2);
  const next = widget.getByRole('button', { name: '下一步' });
  let tables = 0;
  for (let k = 1; k <= 10; k++) {
    await next.click();
    await expect(widget).toHaveAttribute('data-step', String(k), WAIT);
    await expect(widget.locator('.step .label')).toContainText(`第 ${k} / 10 步`);
    tables += await checkTables(widget.locator('.step'), e, 2);
    await checkLines(widget, k, e);
    if (k === 9) {
      // The MLP's hidden layer is 512 wide: 展开 shows more of its columns, each still right.
      await widget.getByRole('button', { name: /展开\s*z = GELU/ }).click();
      await expect(widget.locator('figure.heat').filter({ hasText: 'z = GELU' }).locator('thead th')).toHaveCount(1 + 16 + 1 + 2);
      await checkTables(widget.locator('.step'), e, 2);
    }
    await clean(widget);
  }
  expect(tables).toBe(20); // step 1 has x of layer 2 as a fourth matrix
  await checkTop(widget, e);
});

test('the hand computation is checked against the model’s own forward pass: ✓ with the largest difference', async ({ page }) => {
  const widget = await open(page);
  const next = widget.getByRole('button', { name: '下一步' });
  for (let k = 1; k <= 5; k++) await next.click();
  await expect(widget).toHaveAttribute('data-step', '5', WAIT);
  const check = widget.getByText(/与模型自身的前向计算（TF\.js）一致/);
  await expect(check).toContainText('✓');
  // The book's number format: 0, or "8.33 × 10⁻⁸" (never a program's "8.33e-8").
  const shown = (await check.textContent())!.match(/最大差值 ([^）]+)）/)![1];
  expect(shown).toMatch(/^(?:0|\d(?:\.\d+)? × 10⁻[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/);
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const diff = Number(shown.replace(' × 10⁻', 'e-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(sup.indexOf(c))));
  expect(diff).toBeGreaterThanOrEqual(0);
  expect(diff).toBeLessThan(1e-4);
  for (let k = 6; k <= 10; k++) await next.click();
  await expect(widget).toHaveAttribute('data-step', '10', WAIT);
  await expect(check).toContainText('✓');
  await expect(widget.getByRole('button', { name: '下一步' })).toHaveAttribute('aria-disabled', 'true');
});

test('bad input gets a clear notice, never NaN or U+FFFD, and 下一步 refuses until it is fixed, focusing the input', async ({ page }) => {
  const widget = await open(page);
  const input = widget.getByRole('textbox', { name: /输入/ });
  const next = widget.getByRole('button', { name: '下一步' });
  const refusal = widget.getByRole('alert').filter({ hasText: FIX_FIELDS_FIRST });
  await next.click();
  await expect(widget).toHaveAttribute('data-step', '1', WAIT);
  const unknown = [...Array(0x9fa5 - 0x4e00).keys()].map((i) => String.fromCharCode(0x4e00 + i)).find((c) => !gpt.vocab.includes(c))!;
  const cases: [string, RegExp][] = [
    ['', /^输入是空的：请输入 1–8 个字/],
    ['床前明月光疑是地上', /^输入最多 8 个字/],
    [`床${unknown}`, new RegExp(`^输入里的 “${unknown}” 不在模型的字符表`)],
    ['床😀', /^输入里有表情符号“😀”/],
    ['床👍🏽', /^输入里有表情符号“👍🏽”/], // the whole grapheme, skin tone included
    // A CJK Extension B ideograph is a character the vocabulary lacks, not an emoji.
    ['床𠀀', /^输入里的 “𠀀” 不在模型的字符表/],
    // Invisible characters are named by code point.
    ['床\u200B前', /^输入里有看不见的控制字符或格式字符（U\+200B）/],
    ['床\uFFFD', /^输入里有无法识别的字符（U\+FFFD）/],
  ];
  for (const [text, notice] of cases) {
    await input.fill(text);
    await input.press('Enter');
    await expect(widget.getByRole('alert').filter({ hasText: notice })).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await clean(widget);
    // 下一步 does not step on the last good text: it says why and takes the reader to the input.
    await widget.getByRole('button', { name: '上一步' }).focus();
    await next.click();
    await expect(refusal).toBeVisible();
    await expect(input).toBeFocused();
    await expect(widget).toHaveAttribute('data-step', '1');
    await expect(widget.locator('.step tbody th').first()).toHaveText('1 床');
  }
  await input.fill('明月');
  await input.press('Enter');
  await expect(widget.getByRole('alert')).toHaveCount(0);
  await next.click();
  await expect(widget).toHaveAttribute('data-step', '2', WAIT);
  await expect(widget.locator('figure.heat').first().locator('tbody tr')).toHaveCount(2);
  await checkTables(widget.locator('.step'), expected(gpt, idsOf(gpt, '明月'), 0, 0), 0);
});

test('a link’s refused input is explained once, after one “链接中的设置有误” prefix', async ({ page }) => {
  const widget = await open(page, '/appendix-a/#att.text=%F0%9F%98%80');
  const alert = widget.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveText(/^链接中的设置有误，已改用默认值：输入里有表情符号“😀”/);
  expect(((await alert.textContent()) ?? '').match(/链接/g)).toHaveLength(1);
  await expect(widget.getByRole('textbox', { name: /输入/ })).toHaveValue('床前明月光');
});

test('a linked input the vocabulary refuses is the link’s problem: field, link and steps all keep the default text', async ({ page }) => {
  const unknown = [...Array(0x9fa5 - 0x4e00).keys()].map((i) => String.fromCharCode(0x4e00 + i)).find((c) => !gpt.vocab.includes(c))!;
  const widget = await open(page, `/appendix-a/#att.text=${encodeURIComponent(`床${unknown}`)}`);
  const input = widget.getByRole('textbox', { name: /输入/ });
  await widget.getByRole('button', { name: '下一步' }).click();
  // Known only once the vocabulary has loaded: then the link's line says so, with the link's lead-in.
  await expect(widget.getByRole('alert').filter({ hasText: `链接中的设置有误，已改用默认值：输入里的 “${unknown}” 不在模型的字符表` })).toBeVisible(WAIT);
  await expect(input).toHaveValue('床前明月光');
  await expect(widget).toHaveAttribute('data-step', '1', WAIT);
  expect(decodeURIComponent(page.url())).toContain('att.text=床前明月光');
});

test('#att.text=abc&att.step=4: the link’s line names the link, and the URL and the field agree', async ({ page }) => {
  const widget = await open(page, '/appendix-a/#att.text=abc&att.step=4');
  await expect(widget).toHaveAttribute('data-step', '4', WAIT);
  await expect(widget.getByRole('alert').filter({ hasText: /^链接中的设置有误，已改用默认值：输入里的/ })).toHaveCount(1);
  await expect(widget.getByRole('textbox', { name: /输入/ })).toHaveValue('床前明月光');
  expect(decodeURIComponent(page.url())).toContain('att.text=床前明月光');
});

test('a link’s layer or head out of range is named as the page counts them, from 1', async ({ page }) => {
  const widget = await open(page, '/appendix-a/#att.layer=2&att.head=4');
  await expect(widget.getByRole('alert').filter({ hasText: '链接里的 att.layer' })).toHaveText(
    '链接中的设置有误，已改用默认值：层（链接里的 att.layer，0 是第 1 层）必须在 0 到 1 之间，收到 2。',
  );
  await expect(widget.getByRole('alert').filter({ hasText: '链接里的 att.head' })).toHaveText(
    '链接中的设置有误，已改用默认值：头（链接里的 att.head，0 是第 1 个头）必须在 0 到 3 之间，收到 4。',
  );
  await expect(widget.getByRole('combobox', { name: '层' })).toHaveValue('0');
});

test('while the input shows its error, the steps below say whose numbers they are', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '1', WAIT);
  const input = widget.getByRole('textbox', { name: /输入/ });
  await input.fill('床前明月光疑是地上');
  await input.press('Tab');
  await expect(widget.locator('#att-notice')).toContainText('下面仍是“床前明月光”的计算。');
  await input.fill('明月');
  await input.press('Tab');
  await expect(widget.locator('#att-notice')).toHaveCount(0);
});

test('复制链接 reproduces text, layer, head and step in a fresh page', async ({ page, context }) => {
  const widget = await open(page);
  const input = widget.getByRole('textbox', { name: /输入/ });
  await input.fill('白日依山尽');
  await input.press('Enter');
  await widget.getByRole('combobox', { name: '层' }).selectOption({ label: '第 2 层' });
  await widget.getByRole('combobox', { name: '头' }).selectOption({ label: '第 4 个头' });
  for (let k = 1; k <= 6; k++) await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '6', WAIT);
  await widget.getByRole('button', { name: '复制链接' }).click();
  await expect(widget.locator('.copy-status')).toBeVisible();
  const url = page.url();

  const fresh = await context.newPage();
  const again = await open(fresh, url);
  await expect(again).toHaveAttribute('data-step', '6', WAIT);
  await expect(again.getByRole('textbox', { name: /输入/ })).toHaveValue('白日依山尽');
  await expect(again.getByRole('combobox', { name: '层' })).toHaveValue('1');
  await expect(again.getByRole('combobox', { name: '头' })).toHaveValue('3');
  const e = expected(gpt, idsOf(gpt, '白日依山尽'), 1, 3);
  expect(await checkTables(again.locator('.step'), e, 3)).toBe(1);
  await checkLines(again, 6, e);
});

test('keyboard: quick Enters on 下一步 are all carried out, focus stays, 上一步 and 重来 work by keyboard', async ({ page }) => {
  const widget = await open(page);
  const next = widget.getByRole('button', { name: '下一步' });
  await next.focus();
  // Pressed before the model has loaded: queued, not dropped.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await expect(widget).toHaveAttribute('data-step', '3', WAIT);
  await expect(next).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(widget.getByRole('button', { name: '上一步' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget).toHaveAttribute('data-step', '2');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: '重来' })).toBeFocused();
  await page.keyboard.press(' ');
  await expect(widget).toHaveAttribute('data-step', '0');
  await expect(widget.getByText('按“下一步”开始')).toBeVisible();
});

test('the tensor count stays flat over many steps, resets and head changes', async ({ page }) => {
  const widget = await open(page);
  const next = widget.getByRole('button', { name: '下一步' });
  await next.click();
  await expect(widget).toHaveAttribute('data-step', '1', WAIT);
  const before = await widget.getAttribute('data-tensors');
  expect(Number(before)).toBeGreaterThan(0);
  const head = widget.getByRole('combobox', { name: '头' });
  for (let round = 0; round < 4; round++) {
    await head.selectOption(String(round % 4));
    for (let k = 1; k < 10; k++) await next.click();
    await expect(widget).toHaveAttribute('data-step', '10');
    await widget.getByRole('button', { name: '重来' }).click();
    await expect(widget).toHaveAttribute('data-step', '0');
    await next.click();
    await expect(widget).toHaveAttribute('data-step', '1');
  }
  await expect(widget).toHaveAttribute('data-tensors', before!);
});

// A phone and a laptop: at 1280 px the book's column label (widget.css) once stacked the badge's
// real label in two lines while its sizing copy was one, so the badge grew when TF.js arrived.
for (const width of [375, 1280])
  test.describe(`at ${width} px, the backend badge arriving with TF.js`, () => {
    test.use({ viewport: { width, height: 700 } });
    const LABS = ['动手：每个头在看哪里', TITLE, '动手：Transformer 写诗，并与 LSTM 对比', '动手：在页面里训练 Transformer'];

    /** `el`'s box relative to `widget`'s: page scrolling (a figure above laid out late) does not count, a wrapped header does. */
    const within = async (el: Locator, widget: Locator) => {
      const [a, b] = [await el.boundingBox(), await widget.boundingBox()];
      return { x: a!.x - b!.x, y: a!.y - b!.y, width: a!.width, height: a!.height };
    };

    test('does not move 下一步: the same box before the edit that loads TF.js and after the badge shows the backend', async ({ page }) => {
      const widget = await open(page);
      const next = widget.getByRole('button', { name: '下一步' });
      const before = await within(next, widget);
      const input = widget.getByRole('textbox', { name: /输入/ });
      await input.fill('白日依山尽');
      await input.press('Enter');
      await expect(widget.getByRole('combobox', { name: '后端' })).toBeVisible(WAIT);
      expect(await within(next, widget)).toEqual(before);
    });

    test('does not lose a press near the top edge of 下一步 that loaded it: pressed, badge shown, released, the step is taken', async ({ page }) => {
      const widget = await open(page);
      // Chrome's scroll anchoring can scroll the page to make up for the header growing; not every
      // browser has it, so it is off here: the button must not move in the first place.
      await page.evaluate(() => document.documentElement.style.setProperty('overflow-anchor', 'none'));
      const input = widget.getByRole('textbox', { name: /输入/ });
      await input.fill('白日依山尽');
      const box = (await widget.getByRole('button', { name: '下一步' }).boundingBox())!;
      // Near the top edge: a button moved down by even a few pixels is no longer under the pointer.
      await page.mouse.move(box.x + box.width / 2, box.y + 2);
      await page.mouse.down(); // the field's change: the valid edit starts loading TF.js
      await expect(widget.getByRole('combobox', { name: '后端' })).toBeVisible(WAIT);
      await page.mouse.up();
      await expect(widget).toHaveAttribute('data-step', '1', WAIT);
      await expect(widget.locator('.step tbody th').first()).toHaveText('1 白');
    });

    test('keeps every lab’s header the same height on this page (the badge is shared)', async ({ page }) => {
      await page.goto('/appendix-a/');
      const heights: number[] = [];
      for (const name of LABS) {
        const lab = page.getByRole('region', { name });
        await lab.scrollIntoViewIfNeeded();
        await expect(lab.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, WAIT);
        heights.push((await lab.locator('header').first().boundingBox())!.height);
      }
      const stepper = page.getByRole('region', { name: TITLE });
      await stepper.scrollIntoViewIfNeeded();
      await stepper.getByRole('textbox', { name: /输入/ }).fill('白日依山尽');
      await stepper.getByRole('textbox', { name: /输入/ }).press('Enter');
      for (const [i, name] of LABS.entries()) {
        const lab = page.getByRole('region', { name });
        await expect(lab.getByRole('combobox', { name: '后端' })).toBeVisible(WAIT);
        expect((await lab.locator('header').first().boundingBox())!.height, name).toBe(heights[i]);
      }
    });
  });

test('a cleared input stays empty after Tab, the notice says it is empty, and typing the old text again is accepted', async ({ page }) => {
  const widget = await open(page);
  const input = widget.getByRole('textbox', { name: /输入/ });
  const next = widget.getByRole('button', { name: '下一步' });
  await next.click();
  await expect(widget).toHaveAttribute('data-step', '1', WAIT);
  await input.fill('');
  await input.press('Tab');
  await expect(widget.locator('#att-notice')).toContainText('输入是空的');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveValue('');
  // Another state change re-renders the field's attributes: the draft must still win over the last good text.
  await widget.getByRole('combobox', { name: '头' }).selectOption({ label: '第 2 个头' });
  await expect(input).toHaveValue('');
  await expect(widget.locator('#att-notice')).toContainText('输入是空的');
  await input.fill('床前明月光');
  await input.press('Tab');
  await expect(widget.locator('#att-notice')).toHaveCount(0);
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveValue('床前明月光');
  await next.click();
  await expect(widget).toHaveAttribute('data-step', '2', WAIT);
});

test('a web page served in place of the weights file is named in Chinese, with both lengths, not in TF.js’s English', async ({ page }) => {
  await page.route('**/models/transformer/weights.bin', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>登录</title><p>请先登录</p>' }),
  );
  const widget = await open(page);
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(
    widget
      .getByRole('alert')
      .filter({ hasText: /^无法计算：Transformer 预训练检查点（附录 A）的权重文件“weights\.bin”长度不对：应为 \d+ 字节，实为 \d+ 字节/ }),
  ).toBeVisible(WAIT);
});
