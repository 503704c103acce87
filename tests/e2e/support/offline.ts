/** Helpers for the service worker: wait until it controls the page with its precache complete. */
import { expect, type Page } from '@playwright/test';

/**
 * Resolves once a service worker is activated and controls `page`. Workbox precaches during
 * `install`, and a worker is only activated after install succeeded, so by then every precached
 * file is in Cache Storage.
 */
export async function controlledAndPrecached(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return Boolean(navigator.serviceWorker.controller) && registration?.active?.state === 'activated';
        }),
      { timeout: 120_000, message: 'service worker activated and controlling the page' },
    )
    .toBe(true);
}

/** Paths (from the site root) of everything in the service worker's precache. */
export function precachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes('precache')) continue;
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}
