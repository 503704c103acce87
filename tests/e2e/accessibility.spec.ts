import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { allPages, useTheme, type Theme } from './support/site';

for (const theme of ['light', 'dark'] as Theme[]) {
  test.describe(`axe in the ${theme} theme`, () => {
    for (const path of allPages) {
      test(`${path} has no violations`, async ({ page }) => {
        await useTheme(page, theme);
        await page.goto(path);
        await page.waitForLoadState('load');
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
        expect(summary).toEqual([]);
      });
    }
  });
}

// A phone's width: wide formulas, tables and widgets scroll sideways there and not at 1280 px,
// and each scrolling box must be reachable by keyboard (axe scrollable-region-focusable).
test.describe('axe at 375 px', () => {
  test.use({ viewport: { width: 375, height: 812 } });
  for (const path of allPages) {
    test(`${path} has no violations at 375 px`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('load');
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
});

// 附录 A's attention stepper mid-way: its heat maps, equations and the ✓, not only its first view.
for (const theme of ['light', 'dark'] as Theme[]) {
  test(`the attention stepper at step 5 has no violations in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('/appendix-a/');
    const widget = page.getByRole('region', { name: '动手：逐步计算一个注意力头' });
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('xpath=ancestor::astro-island[not(@ssr)]')).toHaveCount(1);
    for (let k = 0; k < 5; k++) await widget.getByRole('button', { name: '下一步' }).click();
    await expect(widget).toHaveAttribute('data-step', '5', { timeout: 90_000 });
    await expect(widget.getByText(/一致 ✓/)).toBeVisible();
    const { violations } = await new AxeBuilder({ page })
      .include('section.attstep')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
