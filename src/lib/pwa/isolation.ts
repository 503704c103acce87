/**
 * Cross-origin isolation. TF.js's WebAssembly backend runs threads (SharedArrayBuffer) only
 * when the page, or the worker it trains in, is cross-origin isolated, which takes the two
 * response headers below. They come from two places:
 * - a server that can set headers: `astro preview` sends them (astro.config.mjs, server.headers),
 *   and a host's header file should too;
 * - static hosts such as GitHub Pages cannot: there the service worker adds them to every
 *   response it serves (src/sw.ts registers `withIsolationHeaders` as a Workbox
 *   `handlerWillRespond` plugin). The very first visit, before the worker controls the page, is
 *   not isolated, and TF.js then uses its single-threaded build; nothing else changes.
 * What isolation costs: every subresource must be same-origin or carry CORP/CORS (the book loads
 * nothing cross-origin), and the CSP allows `blob:` workers and scripts, because Emscripten
 * starts its threads from blob: URLs (src/lib/csp/policy.ts).
 */

/** Whether the service worker adds ISOLATION_HEADERS. */
export const CROSS_ORIGIN_ISOLATION = true;

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

/**
 * The headers `astro preview` sends: ISOLATION_HEADERS, or none when the environment variable
 * BOOK_CROSS_ORIGIN_ISOLATION is `off` (bench:textgen measures the book both ways in one run).
 */
export function previewHeaders(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return env.BOOK_CROSS_ORIGIN_ISOLATION === 'off' ? {} : { ...ISOLATION_HEADERS };
}
