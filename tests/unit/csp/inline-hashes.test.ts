import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHash, inlineHashes } from '../../../src/lib/csp/inline-hashes';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

describe('cspHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, quoted as a CSP source', () => {
    // Known value: printf 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(cspHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it('hashes non-ASCII text as UTF-8', () => {
    expect(cspHash('console.log("已读")')).toBe(sha('console.log("已读")'));
  });
});

describe('inlineHashes', () => {
  it('hashes classic and module inline scripts, exactly as written between the tags', () => {
    const hashes = inlineHashes(page('<script>\n\tone();\n</script><script type="module">two()</script>'));
    expect(hashes.scripts).toEqual([sha('\n\tone();\n'), sha('two()')]);
  });

  it('skips scripts with src and JSON data blocks', () => {
    const hashes = inlineHashes(page('<script src="/a.js"></script><script type="application/json">{"a":1}</script>'));
    expect(hashes.scripts).toEqual([]);
  });

  it('hashes scripts whose type is a JavaScript MIME type, and import maps', () => {
    const hashes = inlineHashes(page('<script type="text/javascript">a()</script><script type="importmap">{}</script>'));
    expect(hashes.scripts).toEqual([sha('a()'), sha('{}')]);
  });

  it('hashes <style> elements in the page and inside inline SVG', () => {
    const hashes = inlineHashes(page('<style>p{color:red}</style><svg><style>#m{fill:#000}</style></svg>'));
    expect(hashes.styles).toEqual([sha('p{color:red}'), sha('#m{fill:#000}')]);
  });

  it('hashes SVG style text after entity decoding, as the browser sees it', () => {
    expect(inlineHashes(page('<svg><style>a&gt;b{x:y}</style></svg>')).styles).toEqual([sha('a>b{x:y}')]);
  });

  it('normalises CRLF line endings as the HTML parser does', () => {
    expect(inlineHashes(page('<script>a();\r\nb();</script>')).scripts).toEqual([sha('a();\nb();')]);
  });

  it('lists a repeated body once', () => {
    expect(inlineHashes(page('<script>x()</script><script>x()</script>')).scripts).toHaveLength(1);
  });

  it('finds scripts in <head> and inside <template>', () => {
    const html = '<html><head><script>h()</script></head><body><template><script>t()</script></template></body></html>';
    expect(inlineHashes(html).scripts).toEqual([sha('h()'), sha('t()')]);
  });
});
