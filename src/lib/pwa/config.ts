/**
 * The options of @vite-pwa/astro for this book: Workbox's injectManifest strategy, with our
 * small service worker (src/sw.ts) around Workbox's precaching, so that responses pass through a
 * plugin hook (isolation.ts); "prompt" updates, where the page asks the reader before switching
 * to a new build (src/components/update-notice.ts); and the web app manifest.
 */
import type { PwaOptions } from '@vite-pwa/astro';
import { webAppManifest } from './manifest';
import { MAX_PRECACHE_FILE_BYTES, PRECACHE_GLOBS } from './precache';

/** Precache entries keep their file paths (`chapter-04/index.html`); src/sw.ts maps `…/` onto them. */
const keepFilePaths = async <T>(manifest: T[]) => ({ manifest, warnings: [] });

/** The integration's options; `name` and `description` are the book's, for the manifest. */
export function pwaOptions(name: string, description: string): PwaOptions {
  return {
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    registerType: 'prompt',
    // Registration happens in update-notice.ts, loaded after the page (no inline script, no CSP hash).
    injectRegister: false,
    manifest: webAppManifest(name, description),
    injectManifest: {
      globPatterns: [...PRECACHE_GLOBS],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
      manifestTransforms: [keepFilePaths],
    },
  };
}
