/**
 * Issue 10 §2: a field reports its value when it loses focus, i.e. on the mousedown of the button
 * the reader presses next. The message line it shows (or removes) must not move that button before
 * the mouseup, or the browser fires no click. Each test types, then clicks at once, and checks the
 * click's outcome: the refusal (the click happened while the field is wrong) or the step.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FIX_FIELDS_FIRST } from '../../src/lib/parse/fields';

const WAIT = { timeout: 60_000 };

/** `hover` for an island hydrated on first interaction (client:interaction), as a reader's pointer would. */
async function open(page: Page, name: string, url = '/appendix-a/', opts: { hover?: boolean } = {}): Promise<Locator> {
  await page.goto(url);
  const widget = page.getByRole('region', { name });
  await widget.scrollIntoViewIfNeeded();
  if (opts.hover) await widget.hover();
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1, WAIT);
  return widget;
}

test('the stepper: 下一步 pressed right after typing a too-long text is answered, and so is the press that fixes it', async ({ page }) => {
  const widget = await open(page, '动手：逐步计算一个注意力头');
  const input = widget.getByRole('textbox', { name: /输入/ });
  await input.fill('床前明月光疑是地上');
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget.getByText(FIX_FIELDS_FIRST)).toBeVisible(); // the click arrived while the error appeared
  await expect(input).toBeFocused();
  await input.fill('床前明月光');
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '1', WAIT); // the click arrived while the error went
});

test('training: 开始训练 pressed right after typing 批大小 0 is answered with the refusal', async ({ page }) => {
  const widget = await open(page, '动手：在页面里训练 Transformer');
  const batch = widget.getByLabel('批大小', { exact: true });
  await batch.fill('0');
  await widget.getByRole('button', { name: '开始训练' }).click();
  await expect(widget.getByText(FIX_FIELDS_FIRST)).toBeVisible();
  await expect(batch).toBeFocused();
});

test('§9.2: 评估全部设置 pressed right after emptying the prompt is answered with the refusal', async ({ page }) => {
  // On a phone the fields wrap, so the prompt's message line goes above the button (at 1280 px it sits beside the field).
  await page.setViewportSize({ width: 375, height: 700 });
  const widget = await open(page, '动手：压缩模型，看它损失了多少', '/chapter-09/', { hover: true });
  const prompt = widget.getByRole('textbox', { name: '开头文字' });
  await prompt.fill('');
  await widget.getByRole('button', { name: '评估全部设置' }).click();
  await expect(widget.getByText(FIX_FIELDS_FIRST)).toBeVisible();
  await expect(prompt).toBeFocused();
  await expect(widget).toHaveAttribute('data-rows', '0');
});

test('§10.4: 分析 pressed right after emptying the text is answered with the refusal', async ({ page }) => {
  const widget = await open(page, '动手：看模型内部在做什么', '/chapter-10/');
  const box = widget.getByRole('textbox', { name: /要分析的文字/ });
  await box.fill('');
  await widget.getByRole('button', { name: '分析', exact: true }).click();
  await expect(widget.getByText(FIX_FIELDS_FIRST)).toBeVisible();
  await expect(box).toBeFocused();
  await expect(widget).toHaveAttribute('data-analysed', 'no');
});

test.describe('on a touch screen', () => {
  // Chrome runs a tap (mousedown, the field's change, click) only after the finger has lifted.
  test.use({ hasTouch: true, viewport: { width: 375, height: 700 } });

  test('the stepper: 下一步 tapped right after typing a too-long text is answered with the refusal', async ({ page }) => {
    const widget = await open(page, '动手：逐步计算一个注意力头');
    const input = widget.getByRole('textbox', { name: /输入/ });
    await input.fill('床前明月光疑是地上');
    await widget.getByRole('button', { name: '下一步' }).tap();
    await expect(widget.getByText(FIX_FIELDS_FIRST)).toBeVisible(); // the tap's click arrived while the error appeared
    await expect(input).toBeFocused();
    await expect(widget).toHaveAttribute('data-step', '0');
  });
});
