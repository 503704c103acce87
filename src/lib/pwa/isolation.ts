/**
 * Cross-origin isolation from the service worker. TF.js's WebAssembly backend can run threads
 * only when the page is cross-origin isolated, which needs two response headers that static
 * hosts such as GitHub Pages cannot send. The service worker can add them to the responses it
 * serves (src/sw.ts registers `withIsolationHeaders` as a Workbox `handlerWillRespond` plugin
 * when CROSS_ORIGIN_ISOLATION is true).
 *
 * Switched off for now. Before switching it on: the CSP's worker-src needs `blob:` (Emscripten
 * starts its threads from blob: URLs), every cross-origin resource needs CORP/CORS, and the
 * first visit, before the worker controls the page, is still not isolated.
 */

/** Whether the service worker adds ISOLATION_HEADERS. */
export const CROSS_ORIGIN_ISOLATION = false;

/** The headers that make a document cross-origin isolated. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
});

/**
 * A copy of `response` that also carries ISOLATION_HEADERS, same body, status and other headers.
 * Opaque and error responses (status 0), whose headers cannot be read or set, come back as they
 * are. Never throws.
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
