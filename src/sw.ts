/// <reference lib="webworker" />
/**
 * The book's service worker, built by @vite-pwa/astro (injectManifest) around Workbox:
 * - install: precaches the build (src/lib/pwa/precache.ts says what) under revisioned keys;
 * - fetch: answers from that precache first, so the book reads offline; anything else goes to
 *   the network as usual;
 * - update: a new build's worker installs beside the old one and waits. The page offers to
 *   reload (src/components/update-notice.ts); on 重新加载 it posts SKIP_WAITING, this worker
 *   takes over, and outdated caches are removed.
 * Cross-origin isolation headers can be added to every precached response: see
 * src/lib/pwa/isolation.ts.
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { CROSS_ORIGIN_ISOLATION, withIsolationHeaders } from './lib/pwa/isolation';
import { IGNORED_QUERY_PARAMETERS, precacheAlternates } from './lib/pwa/routes';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

if (CROSS_ORIGIN_ISOLATION) addPlugins([{ handlerWillRespond: async ({ response }) => withIsolationHeaders(response) }]);

precacheAndRoute(self.__WB_MANIFEST, {
  ignoreURLParametersMatching: IGNORED_QUERY_PARAMETERS,
  urlManipulation: ({ url }) => precacheAlternates(url),
});
cleanupOutdatedCaches();
// The first worker takes the open page at once (nothing older to replace); later ones wait for SKIP_WAITING.
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
