import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const CI = !!process.env.CI;
// E2E_PORT lets two checkouts run their suites side by side without reaching each other's server.
const PORT = Number(process.env.E2E_PORT) || 4321;

export default defineConfig({
  testDir: './e2e',
  // Needs the build served under /book/: run by playwright.base.config.ts (npm run test:base).
  testIgnore: 'base-path.spec.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers: 2,
  // Upper bounds, not speeds: on a shared 2-core machine a state can take several times longer
  // than on a quiet one. Tests wait for states (see COMPUTE_TIMEOUT in e2e/support/widgets.ts).
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    ...devices['Desktop Chrome'],
    // The book's service worker (src/sw.ts) would otherwise install in every test, precache the
    // whole site, and then answer requests itself, out of reach of page.route. Specs about the
    // worker opt in with test.use({ serviceWorkers: 'allow' }) (offline.spec.ts, csp.spec.ts).
    serviceWorkers: 'block',
    launchOptions: {
      // Debian's chromium: Playwright cannot download its own browser on these machines.
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx astro preview --port ${PORT}`,
    cwd: root,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
});
