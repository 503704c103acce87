import { describe, expect, it } from 'vitest';
import { IGNORED_QUERY_PARAMETERS, precacheAlternates } from '../../../src/lib/pwa/routes';

const alt = (href: string) => precacheAlternates(new URL(href)).map((u) => u.href);

describe('precacheAlternates', () => {
  it('serves a page asked for without its trailing slash from its index.html', () => {
    expect(alt('http://x.test/chapter-04')).toEqual(['http://x.test/chapter-04/index.html']);
  });

  it('works under a base path', () => {
    expect(alt('http://x.test/book/chapter-04')).toEqual(['http://x.test/book/chapter-04/index.html']);
  });

  it('adds nothing for a directory URL (Workbox maps …/ to …/index.html itself) or a file', () => {
    expect(alt('http://x.test/chapter-04/')).toEqual([]);
    expect(alt('http://x.test/models/poetry/weights.bin')).toEqual([]);
    expect(alt('http://x.test/')).toEqual([]);
  });

  it('drops the query and fragment', () => {
    expect(alt('http://x.test/assign?x=1#a=2')).toEqual(['http://x.test/assign/index.html']);
  });
});

describe('IGNORED_QUERY_PARAMETERS', () => {
  const ignored = (name: string) => IGNORED_QUERY_PARAMETERS.some((re) => re.test(name));

  it("ignores Pagefind's ts cache-buster, so its entry file is found offline", () => {
    expect(ignored('ts')).toBe(true);
  });

  it("keeps Workbox's defaults and nothing broader", () => {
    expect(ignored('utm_source')).toBe(true);
    expect(ignored('fbclid')).toBe(true);
    expect(ignored('tsx')).toBe(false);
    expect(ignored('a')).toBe(false);
  });
});
