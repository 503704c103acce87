/**
 * TF.js backends in the widgets: a badge names the one in use (CPU, the fastest for these tiny
 * networks), the reader can switch, and a missing or lost WebGL falls back with a notice and
 * sensible numbers, never NaN.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { COMPUTE_TIMEOUT, openWidget } from './support/widgets';

const nums = (s: string) => [...s.replace(/−/g, '-').matchAll(/-?\d+\.\d+/g)].map((m) => Number(m[0]));
const backendSelect = (widget: Locator) => widget.getByRole('combobox', { name: '后端' });

/**
 * Wraps getContext on every canvas kind before the page's scripts run: 'missing' makes WebGL
 * unavailable (a browser with it disabled or blocklisted); 'record' keeps every WebGL context
 * the page creates, so the test can take them away later (loseWebgl fires the event that does so).
 */
async function patchWebgl(page: Page, mode: 'missing' | 'record') {
  await page.addInitScript((mode) => {
    const seen: WebGLRenderingContext[] = [];
    addEventListener('test:lose-webgl', () => seen.forEach((gl) => gl.getExtension('WEBGL_lose_context')?.loseContext()));
    for (const proto of [HTMLCanvasElement.prototype, (globalThis.OffscreenCanvas ?? HTMLCanvasElement).prototype]) {
      const original = proto.getContext as (this: unknown, ...a: unknown[]) => unknown;
      (proto as { getContext: unknown }).getContext = function (this: unknown, type: string, ...rest: unknown[]) {
        if (!/webgl/.test(type)) return original.call(this, type, ...rest);
        if (mode === 'missing') return null;
        const ctx = original.call(this, type, ...rest);
        if (ctx) seen.push(ctx as WebGLRenderingContext);
        return ctx;
      };
    }
  }, mode);
}

const loseWebgl = (page: Page) => page.evaluate(() => dispatchEvent(new Event('test:lose-webgl')));

/** The numbers of the current step's lines, once they are on screen. */
async function stepperLines(widget: Locator) {
  await expect(widget.locator('.numbers li .line-text').first()).toBeAttached();
  return (await widget.locator('.numbers li .line-text').allTextContents()).map(nums);
}

test('the badge names CPU, the fastest backend for these networks, once the widget is used', async ({ page }) => {
  const widget = await openWidget(page, '/chapter-04/', '动手：逐步执行反向传播');
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(backendSelect(widget)).toHaveValue('cpu');
  await expect(widget.getByRole('status').filter({ hasText: '已改用' })).toHaveCount(0);
});

test('switching to WebGL or WebAssembly gives the same numbers as CPU', async ({ page }) => {
  const widget = await openWidget(page, '/chapter-04/', '动手：逐步执行反向传播');
  await widget.getByRole('button', { name: '下一步' }).click();
  const cpu = await stepperLines(widget);
  for (const backend of ['webgl', 'wasm']) {
    await backendSelect(widget).selectOption(backend);
    await expect(backendSelect(widget)).toHaveValue(backend);
    await widget.getByRole('button', { name: '重置' }).click();
    await widget.getByRole('button', { name: '下一步' }).click();
    await expect(widget).toHaveAttribute('data-step', '0');
    const other = await stepperLines(widget);
    expect(other.flat().length).toBe(cpu.flat().length);
    other.flat().forEach((v, i) => expect(Math.abs(v - cpu.flat()[i])).toBeLessThanOrEqual(1e-4));
  }
});

test('without WebGL, choosing it falls back to the next backend with a notice', async ({ page }) => {
  await patchWebgl(page, 'missing');
  const widget = await openWidget(page, '/chapter-04/', '动手：逐步执行反向传播');
  await widget.getByRole('button', { name: '下一步' }).click();
  await backendSelect(widget).selectOption('webgl');
  // CPU is next in the measured order (CPU, WebAssembly, WebGL).
  await expect(widget.getByRole('status').filter({ hasText: 'WebGL' })).toContainText('已改用 CPU');
  await expect(backendSelect(widget)).toHaveValue('cpu');
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '1');
  expect(await widget.innerText()).not.toContain('NaN');
});

test('a lost WebGL context mid-training falls back with a notice and training goes on', async ({ page }) => {
  await patchWebgl(page, 'record');
  const widget = await openWidget(page, '/chapter-03/', '动手：观察五步训练循环');
  await widget.getByRole('button', { name: '单步' }).click();
  await backendSelect(widget).selectOption('webgl');
  await expect(backendSelect(widget)).toHaveValue('webgl');
  await widget.getByRole('button', { name: '运行' }).click();
  // SwiftShader renders WebGL in software; under CI load a frame can take seconds, so wait for
  // progress rather than for a rate.
  const steps = () => widget.getAttribute('data-steps').then(Number);
  await expect.poll(steps, { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(5);
  await loseWebgl(page);
  await expect(widget.getByRole('status').filter({ hasText: 'WebGL 上下文丢失' })).toBeVisible();
  await expect(backendSelect(widget)).not.toHaveValue('webgl');
  await widget.getByRole('button', { name: '运行' }).click();
  await expect.poll(steps, { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(50);
  await widget.getByRole('button', { name: '暂停' }).click();
  expect(await widget.locator('.status').innerText()).not.toContain('NaN');
});

test('switching backend while training keeps training, without an error', async ({ page }) => {
  const widget = await openWidget(page, '/chapter-03/', '动手：观察五步训练循环');
  await widget.getByRole('button', { name: '运行' }).click();
  const steps = () => widget.getAttribute('data-steps').then(Number);
  await expect.poll(steps).toBeGreaterThan(5);
  await backendSelect(widget).selectOption('wasm');
  await expect(backendSelect(widget)).toBeEnabled();
  const atSwitch = await steps();
  await expect.poll(steps, { timeout: COMPUTE_TIMEOUT }).toBeGreaterThan(atSwitch + 20);
  await widget.getByRole('button', { name: '暂停' }).click();
  await expect(backendSelect(widget)).toHaveValue('wasm');
  expect(await widget.locator('.status').innerText()).not.toMatch(/NaN|训练中断/);
});

test('a lost WebGL context keeps the stepper’s numbers', async ({ page }) => {
  await patchWebgl(page, 'record');
  const widget = await openWidget(page, '/chapter-04/', '动手：逐步执行反向传播');
  await widget.getByRole('button', { name: '下一步' }).click();
  await backendSelect(widget).selectOption('webgl');
  await expect(backendSelect(widget)).toHaveValue('webgl');
  for (let i = 1; i < 7; i++) await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget).toHaveAttribute('data-step', '6');
  const before = await stepperLines(widget);
  await loseWebgl(page);
  await widget.getByRole('button', { name: '上一步' }).click();
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget.getByRole('status').filter({ hasText: 'WebGL 上下文丢失' })).toBeVisible();
  const after = await stepperLines(widget);
  after.flat().forEach((v, i) => expect(Math.abs(v - before.flat()[i])).toBeLessThanOrEqual(1e-4));
});
