/**
 * Puts a page's Content Security Policy into its HTML as
 * `<meta http-equiv="content-security-policy">`. A meta policy only governs what comes after
 * it, so it goes first in `<head>`, right after `<meta charset>` (which must stay within the
 * first 1,024 bytes).
 */
import { buildPolicy } from './policy';
import { inlineHashes } from './inline-hashes';

const CHARSET = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i;
const HEAD = /<head(?:\s[^>]*)?>/i;
const EXISTING = /<meta\s+http-equiv=["']?content-security-policy/i;

/** Escapes `text` for a double-quoted HTML attribute. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * `html` with its policy meta added: the fixed directives plus the hashes of its own inline
 * scripts and styles. Throws an Error when the page has no `<head>` or already carries a CSP
 * meta (a build step should fail loudly rather than ship a page without the policy).
 */
export function withPolicyMeta(html: string): string {
  if (EXISTING.test(html)) throw new Error('page already has a content-security-policy meta');
  const anchor = CHARSET.exec(html) ?? HEAD.exec(html);
  if (!anchor) throw new Error('page has no <head> to carry its content-security-policy');
  const meta = `<meta http-equiv="content-security-policy" content="${attr(buildPolicy(inlineHashes(html)))}">`;
  const at = anchor.index + anchor[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}
