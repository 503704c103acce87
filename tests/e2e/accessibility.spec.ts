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
