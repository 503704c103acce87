import { describe, expect, it } from 'vitest';
import { withPolicyMeta } from '../../../src/lib/csp/meta';
import { cspHash } from '../../../src/lib/csp/inline-hashes';
import { parsePolicy } from '../../../src/lib/csp/policy';

const PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script>theme()</script></head><body><p>正文</p></body></html>';

/** The policy text of the page's CSP meta, read the way a browser would. */
function policyOf(html: string): string {
  const m = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)">/);
  if (!m) throw new Error('no CSP meta');
  return m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('withPolicyMeta', () => {
  it('puts the policy right after <meta charset>, before any script', () => {
    const html = withPolicyMeta(PAGE);
    expect(html.indexOf('http-equiv="content-security-policy"')).toBeGreaterThan(html.indexOf('<meta charset="utf-8">'));
    expect(html.indexOf('http-equiv="content-security-policy"')).toBeLessThan(html.indexOf('<script>'));
  });

  it("lists the page's own inline script hash", () => {
    expect(parsePolicy(policyOf(withPolicyMeta(PAGE))).get('script-src')).toContain(cspHash('theme()'));
  });

  it('falls back to right after <head> when there is no charset meta', () => {
    const html = withPolicyMeta('<html><head><title>t</title></head><body></body></html>');
    expect(html.startsWith('<html><head><meta http-equiv="content-security-policy"')).toBe(true);
  });

  it('keeps the rest of the page unchanged', () => {
    const html = withPolicyMeta(PAGE);
    expect(html.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '')).toBe(PAGE);
  });

  it('refuses a page that already has a policy, and a page without <head>', () => {
    expect(() => withPolicyMeta(withPolicyMeta(PAGE))).toThrow(/already/);
    expect(() => withPolicyMeta('<p>no head</p>')).toThrow(/no <head>/);
  });
});
