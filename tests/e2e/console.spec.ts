import { expect, test } from '@playwright/test';
import { allPages } from './support/site';

test.describe('no errors while reading', () => {
  for (const path of allPages) {
    test(`${path} logs no console or page errors`, async ({ page }) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      // 404.html is served with status 404 by design; that load is not an error of the page.
      expect(errors.filter((e) => !(path === '/404.html' && /status of 404/.test(e)))).toEqual([]);
    });
  }
});
