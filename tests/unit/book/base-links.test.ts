import { describe, expect, it } from 'vitest';
import { baseNavigation, withBase, type NavEntry, type NavLink } from '../../../src/lib/book/base-links';

describe('withBase', () => {
  it('puts the base on a root path', () => {
    expect(withBase('/progress/', '/book/')).toBe('/book/progress/');
  });
  it('leaves paths already under the base, relative paths, anchors and other sites alone', () => {
    for (const href of ['/book/chapter-01/', '../chapter-08/', '#sec-4-2', 'https://example.org/', '//cdn.example.org/x.js']) {
      expect(withBase(href, '/book/'), href).toBe(href);
    }
  });
  it('changes nothing at the root base', () => {
    expect(withBase('/progress/', '/')).toBe('/progress/');
  });
  it('does not mistake a longer path for the base', () => {
    expect(withBase('/bookshelf/', '/book/')).toBe('/book/bookshelf/');
  });
});

const link = (href: string, isCurrent = false): NavLink => ({ type: 'link', href, isCurrent });

function nav(current?: string) {
  const entries = [link('/book/'), link('/progress/'), link('/assignment/'), link('/book/chapter-01/')];
  for (const e of entries) e.isCurrent = e.href === current;
  const sidebar: NavEntry[] = [{ type: 'group', entries: entries.slice(0, 3) } as NavEntry, entries[3]];
  const i = entries.findIndex((e) => e.isCurrent);
  return { sidebar, entries, pagination: { prev: i > 0 ? entries[i - 1] : undefined, next: i > -1 ? entries[i + 1] : undefined } };
}

describe('baseNavigation', () => {
  it('puts the base on the sidebar’s hand-written links, inside groups too', () => {
    const n = nav('/book/');
    baseNavigation(n, '/book/', '/book/');
    expect(n.entries.map((e) => e.href)).toEqual(['/book/', '/book/progress/', '/book/assignment/', '/book/chapter-01/']);
  });
  it('puts the base on a prev/next link that is one of them', () => {
    const n = nav('/book/');
    baseNavigation(n, '/book/', '/book/');
    expect(n.pagination.next?.href).toBe('/book/progress/');
  });
  it('makes the page’s own link current and gives it its neighbours as prev/next', () => {
    const n = nav();
    baseNavigation(n, '/book/', '/book/progress/');
    expect(n.entries.map((e) => e.isCurrent)).toEqual([false, true, false, false]);
    expect([n.pagination.prev?.href, n.pagination.next?.href]).toEqual(['/book/', '/book/assignment/']);
  });
  it('keeps Starlight’s current page and prev/next when it found one', () => {
    const n = nav('/book/chapter-01/');
    baseNavigation(n, '/book/', '/book/chapter-01/');
    expect(n.entries.filter((e) => e.isCurrent).map((e) => e.href)).toEqual(['/book/chapter-01/']);
    expect([n.pagination.prev?.href, n.pagination.next]).toEqual(['/book/assignment/', undefined]);
  });
  it('changes nothing at the root base', () => {
    const n = nav();
    baseNavigation(n, '/', '/progress/');
    expect(n.entries.map((e) => [e.href, e.isCurrent])).toEqual([['/book/', false], ['/progress/', false], ['/assignment/', false], ['/book/chapter-01/', false]]);
  });
});
