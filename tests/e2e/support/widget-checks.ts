/** Checks several widget specs share: axe on one widget, and an exercise answered on its page. */
import { expect, type Page } from '@playwright/test';
import { hydrated } from './widgets';

/** The axe violations inside `selector` as "rule: targets" lines, [] when there are none; `tags` narrows the rules. */
export async function axeViolations(page: Page, selector: string, tags?: string[]): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const builder = new AxeBuilder({ page }).include(selector);
  const { violations } = await (tags ? builder.withTags(tags) : builder).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Opens `path`, answers exercise `id` with `answer`, and expects it accepted (“✓ 正确。”, not a hint saying “与正确值相差…”). */
export async function expectExerciseAccepts(page: Page, path: string, id: string, answer: string): Promise<void> {
  await page.goto(path);
  const ex = page.locator(`[data-exercise-id="${id}"]`);
  await ex.scrollIntoViewIfNeeded();
  await hydrated(ex);
  await ex.getByLabel('你的答案').fill(answer);
  await ex.getByRole('button', { name: '检查答案' }).click();
  await expect(ex.getByRole('status')).toContainText('✓ 正确。');
  await expect(ex.getByRole('status')).not.toContainText('还不对');
}
