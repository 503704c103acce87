/**
 * How a request URL maps onto the precache, besides Workbox's own rules (an exact match, the
 * URL without ignored query parameters, and `…/` → `…/index.html`): a page asked for without its
 * trailing slash, `/chapter-04`, is served from `/chapter-04/index.html`.
 */

/**
 * Query parameters the precache ignores when it looks a request up, as Workbox's options take
 * them: its defaults (utm_*, fbclid) and Pagefind's `ts`, a cache-buster it appends to
 * `pagefind-entry.json` (a timestamp, or the build's tag), which would otherwise miss offline.
 */
export const IGNORED_QUERY_PARAMETERS: RegExp[] = [/^utm_/, /^fbclid$/, /^ts$/];

/** Extra precache keys to try for `url`, in order; empty when there is nothing to add. */
export function precacheAlternates(url: URL): URL[] {
  const last = url.pathname.split('/').pop() ?? '';
  if (last === '' || last.includes('.')) return [];
  return [new URL(`${url.pathname}/index.html`, url.origin)];
}
