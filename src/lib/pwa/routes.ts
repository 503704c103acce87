/**
 * How a request URL maps onto the precache, besides Workbox's own rules (an exact match, the
 * URL without its query, and `…/` → `…/index.html`): a page asked for without its trailing
 * slash, `/chapter-04`, is served from `/chapter-04/index.html`.
 */

/** Extra precache keys to try for `url`, in order; empty when there is nothing to add. */
export function precacheAlternates(url: URL): URL[] {
  const last = url.pathname.split('/').pop() ?? '';
  if (last === '' || last.includes('.')) return [];
  return [new URL(`${url.pathname}/index.html`, url.origin)];
}
