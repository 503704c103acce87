/** Opening an interactive widget the way a reader reaches it: load the page, scroll to it, wait for hydration. */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Upper bound for a state that needs real computation (training steps, a generated text, a
 * backend loading). CI machines are shared 2-core boxes where the same widget ran 5× slower
 * than on a quiet one, so a test waits for the state and only gives up after this long; it
 * never asserts how fast the state came.
 */
export const COMPUTE_TIMEOUT = 90_000;

/** Resolves once the island around `widget` has hydrated (Astro drops its `ssr` attribute). */
export async function hydrated(widget: Locator): Promise<void> {
  await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1);
}

/**
 * `hover` is for islands hydrated with client:interaction, which wait for the first pointer or
 * focus; the others (client:visible) hydrate once scrolled into view.
 */
export async function openWidget(page: Page, url: string, name: string, opts: { hover?: boolean } = {}): Promise<Locator> {
  await page.goto(url);
  const widget = page.getByRole('region', { name });
  await widget.scrollIntoViewIfNeeded();
  if (opts.hover) await widget.hover();
  await hydrated(widget);
  return widget;
}
