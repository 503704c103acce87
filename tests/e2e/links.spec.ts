/**
 * Link checker over the build: every internal href, #anchor, src and srcset in dist/ must
 * resolve to a file that exists and, for anchors, to an element with that id (support/link-check.ts;
 * base-path.spec.ts runs the same check over a build served under /book/).
 */
import { expect, test } from '@playwright/test';
import { checkLinks, htmlFiles } from './support/link-check';
import { DIST } from './support/site';

test('the build has pages to check', () => {
  expect(htmlFiles(DIST).length).toBeGreaterThanOrEqual(13);
});

test('every internal link and anchor in dist/ resolves', () => {
  const { checked, broken } = checkLinks(DIST);
  // The checker did see the kinds of reference it is for: pages, same-page anchors, assets.
  expect(checked).toEqual(expect.arrayContaining(['/chapter-04/ #eq-4-3', '/chapter-01/ /chapter-02/']));
  expect(checked.some((c) => / \/_astro\/.+\.(css|js)$/.test(c))).toBe(true);
  expect(broken).toEqual([]);
});
