/**
 * Internal links written by hand as root paths ("/progress/") break when the book is deployed
 * under a sub-path (`astro build --base /book/`). Starlight prefixes the base to the pages it
 * generates, but not to the sidebar's `link:` entries, nor to the prev/next links built from
 * them. These functions put the base on such hrefs and repair what depended on them.
 */

/**
 * `href` under `base` (a path with one trailing slash, e.g. "/book/"): a root path that does not
 * already start with the base gets it ("/progress/" → "/book/progress/"). Other hrefs (absolute
 * URLs, "//host", relative paths, "#anchors", hrefs already under the base) are returned as they are.
 */
export function withBase(href: string, base: string): string {
  if (!href.startsWith('/') || href.startsWith('//') || base === '/' || href.startsWith(base)) return href;
  return base + href.slice(1);
}

/** The parts of a Starlight sidebar entry these functions read and write. */
export interface NavLink {
  type: 'link';
  href: string;
  isCurrent: boolean;
}
export interface NavGroup {
  type: 'group';
  entries: NavEntry[];
}
export type NavEntry = NavLink | NavGroup | { type: string };

const trimSlash = (p: string) => p.replace(/\/$/, '');

function links(entries: NavEntry[]): NavLink[] {
  return entries.flatMap((e) => (e.type === 'link' ? [e as NavLink] : e.type === 'group' ? links((e as NavGroup).entries) : []));
}

/**
 * Puts `base` on the sidebar's root-path links and on the prev/next links, in place. A link that
 * now points at `pathname` (the page being built, with its base) becomes the current one; if
 * Starlight had found no current entry because of the missing base, prev/next are taken from
 * its neighbours in the sidebar, as Starlight does for its own pages.
 */
export function baseNavigation<L extends NavLink>(
  nav: { sidebar: NavEntry[]; pagination: { prev?: L; next?: L } },
  base: string,
  pathname: string,
): void {
  if (base === '/') return;
  const all = links(nav.sidebar);
  const hadCurrent = all.some((l) => l.isCurrent);
  for (const link of all) {
    const fixed = withBase(link.href, base);
    if (fixed === link.href) continue;
    link.href = fixed;
    if (!hadCurrent && trimSlash(fixed) === trimSlash(pathname)) link.isCurrent = true;
  }
  for (const key of ['prev', 'next'] as const) {
    const link = nav.pagination[key];
    if (link) link.href = withBase(link.href, base);
  }
  const current = all.findIndex((l) => l.isCurrent);
  if (!hadCurrent && current > -1 && !nav.pagination.prev && !nav.pagination.next) {
    nav.pagination.prev = all[current - 1] as L | undefined;
    nav.pagination.next = all[current + 1] as L | undefined;
  }
}
