/**
 * base-path.spec.ts against the book built with `--base /book/` into dist-base/ and served under
 * /book/ (scripts/check-base.sh builds it first). Everything else is as in playwright.config.ts.
 */
import { defineConfig } from '@playwright/test';
import shared from './playwright.config';

const PORT = Number(process.env.E2E_BASE_PORT) || (Number(process.env.E2E_PORT) || 4321) + 100;
const DIST_BASE = process.env.E2E_DIST_BASE || 'dist-base';

export default defineConfig({
  ...shared,
  testIgnore: undefined,
  testMatch: 'base-path.spec.ts',
  // Whole widget pages on shared 2-core machines: room to load, never a rate.
  timeout: 90_000,
  use: { ...shared.use, baseURL: `http://localhost:${PORT}` },
  webServer: {
    command: `npx astro preview --base /book/ --outDir ${DIST_BASE} --port ${PORT}`,
    cwd: (shared.webServer as { cwd: string }).cwd,
    url: `http://localhost:${PORT}/book/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
