/**
 * 附录 A's guided tour: step 1 teaches without a click (its text and the attention map agree);
 * 上一步/下一步 and the step list move the attention map to the character and head each step
 * names, announce the step, and keep it in the URL; steps that name widgets not on the page do
 * nothing worse than nothing. Nothing scrolls on page load.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { TOUR_STEPS } from '../../src/lib/transformer/tour';
import { COMPARE_LABEL } from '../../src/lib/transformer/train-settings';
import { signFragment } from '../../src/lib/url/fragment';
import { hydrated } from './support/widgets';

const TOUR = '导览：跟着八步看懂这个小 Transformer';
const MAP = '动手：每个头在看哪里';

async function openTour(page: Page, hash = ''): Promise<{ tour: Locator; map: Locator }> {
  await page.goto(`/appendix-a/${hash}`);
  const tour = page.getByRole('region', { name: TOUR });
  await hydrated(tour);
  return { tour, map: page.getByRole('region', { name: MAP }) };
}

/** The map's selected character and highlighted head, once it has hydrated. */
async function mapState(map: Locator): Promise<{ selected: string | null; head: string | null }> {
  return {
    selected: await map.getByRole('group', { name: '文字：选一个字' }).locator('[aria-pressed="true"]').getAttribute('aria-label'),
    head: await map.locator('figcaption [aria-pressed="true"]').textContent(),
  };
}

/** The list button of step `i` (0-based), unfolding the list first: it folds away once the tour is under way. */
async function stepButton(tour: Locator, i: number): Promise<Locator> {
  const list = tour.locator('details');
  if ((await list.getAttribute('open')) === null) await tour.getByText(`全部 ${TOUR_STEPS.length} 步`).click();
  return tour.getByRole('button', { name: `${i + 1}. ${TOUR_STEPS[i].title}` });
}

test('before any click, step 1 is shown and the attention map is in the state it describes', async ({ page }) => {
  const { tour, map } = await openTour(page);
  await expect(tour).toContainText(TOUR_STEPS[0].text);
  await map.scrollIntoViewIfNeeded();
  await hydrated(map);
  expect(await mapState(map)).toEqual({ selected: '第 11 个字“霜”', head: '第 1 层 · 头 1' });
});

test('下一步 moves the attention map to the character and head the step names, and announces the step', async ({ page }) => {
  const { tour, map } = await openTour(page);
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect(tour).toHaveAttribute('data-step', '2');
  await expect(tour.locator('[aria-live]')).toContainText(TOUR_STEPS[1].text);
  await hydrated(map);
  await expect.poll(() => mapState(map)).toEqual({ selected: '第 1 个字“床”', head: '第 1 层 · 头 1' });
  // The first character can only attend to itself: every head shows one weight, 1.00.
  await expect(map.locator('figure li .n')).toHaveText(Array(8).fill('1.00'));
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect.poll(() => mapState(map)).toEqual({ selected: '第 12 个字“。”', head: '第 1 层 · 头 2' });
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect.poll(() => mapState(map)).toEqual({ selected: '第 12 个字“。”', head: '第 2 层 · 头 1' });
  await tour.getByRole('button', { name: '上一步' }).click();
  await expect.poll(() => mapState(map)).toEqual({ selected: '第 12 个字“。”', head: '第 1 层 · 头 2' });
  await expect(page).toHaveURL(/tour\.step=3/);
  await expect(page).toHaveURL(/map\.pos=11/);
  expect(errors).toEqual([]);
});

test('steps that drive widgets not on this page go on without an error', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  const { tour } = await openTour(page);
  for (let i = 4; i < TOUR_STEPS.length; i++) {
    await (await stepButton(tour, i)).click();
    await expect(tour).toHaveAttribute('data-step', String(i + 1));
    await expect(tour).toContainText(TOUR_STEPS[i].text);
  }
  await expect(tour.getByRole('button', { name: '下一步' })).toHaveAttribute('aria-disabled', 'true');
  expect(errors).toEqual([]);
});

test('a link with tour.step opens at that step, and nothing scrolls on load', async ({ page }) => {
  const { tour } = await openTour(page, `#${signFragment(new URLSearchParams({ 'tour.step': '4' }))}`);
  await expect(tour).toHaveAttribute('data-step', '4');
  await expect(tour).toContainText(TOUR_STEPS[3].text);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a link with a step that does not exist says so and starts at step 1', async ({ page }) => {
  const { tour } = await openTour(page, `#${signFragment(new URLSearchParams({ 'tour.step': '99' }))}`);
  await expect(tour.getByRole('alert')).toContainText('导览没有第“99”步');
  await expect(tour).toHaveAttribute('data-step', '1');
});

test('a step brings its widget into view', async ({ page }) => {
  const { tour, map } = await openTour(page);
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect(map).toBeInViewport({ ratio: 0.1 });
  await expect(tour).toBeInViewport();
});

test('a step on the stepper moves it even before it has hydrated, and puts its state in the link', async ({ page }) => {
  const { tour } = await openTour(page, `#${signFragment(new URLSearchParams({ 'tour.step': '4' }))}`);
  const stepper = page.getByRole('region', { name: '动手：逐步计算一个注意力头' });
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect(tour).toHaveAttribute('data-step', '5');
  await expect(page).toHaveURL(/att\.step=3/);
  await expect(stepper).toHaveAttribute('data-step', '3', { timeout: 60_000 });
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect(stepper).toHaveAttribute('data-step', '5', { timeout: 60_000 });
  await expect(page).toHaveURL(/att\.step=5/);
});

test('the training step turns on training the LSTM beside the Transformer, so both curves can be compared', async ({ page }) => {
  const { tour } = await openTour(page, `#${signFragment(new URLSearchParams({ 'tour.step': String(TOUR_STEPS.length - 1) }))}`);
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect(tour).toHaveAttribute('data-step', String(TOUR_STEPS.length));
  await expect(page).toHaveURL(/gtrain\.cmp=1/);
  const train = page.getByRole('region', { name: '动手：在页面里训练 Transformer' });
  await expect(train.getByRole('checkbox', { name: COMPARE_LABEL })).toBeChecked({ timeout: 60_000 });
  await hydrated(train);
  await expect(train.getByRole('checkbox', { name: COMPARE_LABEL })).toBeChecked();
});

test('a link copied during the tour reopens its widget in the state of the step, though the widget never hydrated', async ({ page }) => {
  // The stepper's island script is held back on the first visit: the step's keys in the link can only be the tour's.
  const stepperScript = /\/_astro\/AttentionStepper\.[\w-]+\.js$/;
  await page.route(stepperScript, (route) => route.abort());
  const { tour } = await openTour(page);
  await (await stepButton(tour, 4)).click();
  await expect(page).toHaveURL(/att\.step=3/);
  const url = page.url();
  await page.unroute(stepperScript);
  await page.goto('about:blank');
  await page.goto(url);
  const stepper = page.getByRole('region', { name: '动手：逐步计算一个注意力头' });
  await stepper.scrollIntoViewIfNeeded();
  await expect(stepper).toHaveAttribute('data-step', '3', { timeout: 60_000 });
});

test('a step picked from the list by keyboard keeps focus in the panel: on the list’s summary once the list folds away', async ({ page }) => {
  const { tour } = await openTour(page);
  const third = await stepButton(tour, 2);
  await third.focus();
  await page.keyboard.press('Enter');
  await expect(tour.locator('details')).not.toHaveAttribute('open');
  await expect(tour.getByText(`全部 ${TOUR_STEPS.length} 步`)).toBeFocused();
});

test('under way, the sticky panel stays small at 1280 px, and does not stick on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const { tour } = await openTour(page);
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect(tour.locator('details')).not.toHaveAttribute('open');
  await expect(tour.getByText(TOUR_STEPS[1].text, { exact: true })).toBeVisible(); // exact: the live region repeats it inside a longer line
  expect((await tour.boundingBox())!.height).toBeLessThanOrEqual(0.35 * 900 + 1);
  await page.setViewportSize({ width: 375, height: 700 });
  await expect.poll(() => tour.evaluate((el) => getComputedStyle(el).position)).not.toBe('sticky');
});

/** Resolves once the page has scrolled and then stayed still for 10 animation frames in a row: the jump, and any correction, is over. */
async function scrollSettled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = -1;
        let still = 0;
        const frame = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 10) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

for (const [width, height] of [
  [1280, 900],
  [375, 700],
] as const) {
  test(`at ${width} px, a jump past figure A.2 (laid out only when near) lands with the stepper at the top of the view`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const { tour } = await openTour(page);
    const stepper = page.getByRole('region', { name: '动手：逐步计算一个注意力头' });
    await (await stepButton(tour, 4)).click(); // step 5 is on the stepper, below figure A.2
    await scrollSettled(page);
    const top = (await stepper.boundingBox())!.y;
    const sticky = (await tour.evaluate((el) => getComputedStyle(el).position)) === 'sticky';
    // Just below what covers the page's top: the sticky tour panel at 1280 px, the fixed header on a phone.
    const covered = sticky
      ? (await tour.boundingBox())!.y + (await tour.boundingBox())!.height
      : await page.locator('header.header').evaluate((h) => h.getBoundingClientRect().bottom);
    expect(top, `stepper top ${top}, covered to ${covered}`).toBeGreaterThanOrEqual(covered);
    expect(top).toBeLessThanOrEqual(Math.max(0.4 * height, covered + 0.1 * height));
  });
}

for (const [width, height] of [
  [1280, 900],
  [375, 700],
] as const) {
  test(`at ${width} px, the step on the second layer brings the head it talks about into view, marked, even before the map has hydrated`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    // The map's island is held back until the jump is over: the jump must find the head in the server-rendered map.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/AttentionMap\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const { tour, map } = await openTour(page);
    await (await stepButton(tour, 3)).click(); // step 4: 第 2 层 · 头 1, below the first row of heads
    await scrollSettled(page);
    const head = map.getByRole('figure', { name: '第 2 层 · 头 1', exact: true });
    await expect(head).toBeInViewport({ ratio: 0.9 });
    release();
    await expect.poll(() => mapState(map)).toEqual({ selected: '第 12 个字“。”', head: '第 2 层 · 头 1' });
    await expect(head).toContainText('◆ 重点');
  });
}

test('on a phone, where the tour panel scrolls away, focus moves to the widget the step shows', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  const { tour } = await openTour(page);
  const stepper = page.getByRole('region', { name: '动手：逐步计算一个注意力头' });
  const fifth = await stepButton(tour, 4);
  await fifth.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => stepper.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await expect(stepper.getByRole('heading', { name: '动手：逐步计算一个注意力头' })).toBeFocused();
  await scrollSettled(page);
  await expect(stepper.getByRole('heading', { name: '动手：逐步计算一个注意力头' })).toBeInViewport();
  // 下一步 from the tour (reached again by scrolling back) also lands the reader on the widget it shows.
  await tour.getByRole('button', { name: '下一步' }).click();
  await expect(tour).toHaveAttribute('data-step', '6');
  await expect(stepper.getByRole('heading', { name: '动手：逐步计算一个注意力头' })).toBeFocused();
});
