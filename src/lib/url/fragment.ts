/**
 * A page's #fragment as it arrives from chat apps, e-mail and learning platforms. Reading it never
 * throws. What those tools do to a link without changing its meaning is undone: `+` turned into a
 * space or `%20`, the whole fragment percent-encoded once more, and a `。`, `）`, `)` or `.` glued on
 * at the end. What does change its meaning (a link cut short, characters appended) is caught by a
 * checksum that the site's own links carry, and the fragment is then refused as a whole.
 *
 * Widget links are signed: `#sum=<checksum>&bp.seed=3&…`. The checksum comes first, so cutting the
 * link short removes settings but never the checksum. A fragment without `sum` (typed by hand, or
 * from before signing) is read as it is: a cut-off value there cannot be told from a real one.
 */
import { checksum } from './checksum';

export { checksum };

/** Says what the reader sees when a link is refused. */
export const DAMAGED = '链接不完整或已损坏';
/** The fragment parameter that carries the checksum of all the others. */
export const SUM_KEY = 'sum';

export type Fragment =
  /** No fragment. */
  | { kind: 'empty' }
  /** A plain anchor such as `#sec-4-2` or `#p-0abc123`, percent-decoded. */
  | { kind: 'anchor'; id: string }
  /** URL parameters (the checksum removed); `signed` when a checksum was present and matched. */
  | { kind: 'params'; params: URLSearchParams; signed: boolean }
  /**
   * A signed fragment whose checksum does not match, however it is repaired; `prefixes` are the
   * widget prefixes its keys still name (`gpt` for `gpt.t=…`), so only those widgets report it.
   */
  | { kind: 'damaged'; prefixes: string[] };

/** One character a chat app or the end of a sentence (or clause: ，) glues onto a link, raw or as the browser encodes it. */
const TRAILING = /(?:\.|\)|%29|。|%E3%80%82|）|%EF%BC%89|，|%EF%BC%8C|,|%2C)$/i;

/** decodeURIComponent, or the text unchanged where it holds a malformed `%` sequence. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Undoes extra rounds of percent-encoding: parameters always carry a raw `=`, so a fragment with
 * none but with `%3D`, `%26` or `%25` was encoded again on the way (at most three rounds).
 */
export function unwrap(text: string): string {
  for (let i = 0; i < 3 && !text.includes('=') && /%(?:3D|26|25)/i.test(text); i++) {
    const once = safeDecode(text);
    if (once === text) break;
    text = once;
  }
  return text;
}

/** The text and, one by one, the text with each trailing glued-on character removed. */
function trimmed(text: string): string[] {
  const out = [text];
  for (let t = text; TRAILING.test(t) && out.length < 8;) out.push((t = t.replace(TRAILING, '')));
  return out;
}

/** Closing brackets a glued-on run may hold, each with its opening partner. */
const PAIRS: Record<string, string> = { ')': '(', '）': '（' };

/**
 * An unsigned fragment without what a chat app glued on: trailing `.`, `。` and closing brackets
 * are dropped one by one, except a closing bracket whose opening partner is in the text (a value's
 * own, as in `GPT-2（124M）`), where the repair stops.
 */
function repairUnsigned(text: string): string {
  let t = text;
  for (let i = 0; i < 8 && TRAILING.test(t); i++) {
    const decoded = safeDecode(t);
    const last = decoded.slice(-1);
    if (Object.hasOwn(PAIRS, last)) {
      const count = (c: string) => decoded.split(c).length - 1;
      if (count(PAIRS[last]) >= count(last)) break;
    }
    t = t.replace(TRAILING, '');
  }
  return t;
}

/** The parameters' checksum is over their canonical form, so `+`, ` ` and `%20` all agree. */
function verify(text: string): URLSearchParams | null {
  const params = new URLSearchParams(text);
  const sum = params.get(SUM_KEY);
  params.delete(SUM_KEY);
  return sum !== null && sum === checksum(params.toString()) ? params : null;
}

/**
 * Reads a fragment (`location.hash`, with or without its `#`). Never throws.
 * Signed parameters are accepted only if some repair of them matches the checksum; unsigned ones
 * and anchors lose any glued-on trailing characters.
 */
export function readFragment(hash: string): Fragment {
  const text = unwrap(hash.replace(/^#/, ''));
  const candidates = trimmed(text);
  const plain = repairUnsigned(text);
  if (!plain) return { kind: 'empty' };
  if (!plain.includes('=')) return { kind: 'anchor', id: safeDecode(plain) };
  if (!new URLSearchParams(text).has(SUM_KEY) && !new URLSearchParams(plain).has(SUM_KEY))
    return { kind: 'params', params: new URLSearchParams(plain), signed: false };
  for (const c of candidates) {
    const params = verify(c);
    if (params) return { kind: 'params', params, signed: true };
  }
  return { kind: 'damaged', prefixes: prefixesOf(new URLSearchParams(plain)) };
}

/** The distinct `prefix` parts of keys `prefix.name`, in order of first appearance. */
function prefixesOf(params: URLSearchParams): string[] {
  const out = new Set<string>();
  for (const key of params.keys()) {
    const dot = key.indexOf('.');
    if (dot > 0) out.add(key.slice(0, dot));
  }
  return [...out];
}

/**
 * True when a damaged fragment concerns the widget with `prefix`: its keys name that prefix, or
 * they name none at all (cut down to its checksum: then no one can tell whose it was).
 */
export function damageConcerns(f: Fragment, prefix: string): boolean {
  return f.kind === 'damaged' && (f.prefixes.length === 0 || f.prefixes.includes(prefix));
}

/** The fragment text (no `#`) for `params`, signed with its checksum in front. Empty params give ''. */
export function signFragment(params: URLSearchParams): string {
  const rest = new URLSearchParams(params);
  rest.delete(SUM_KEY);
  const canonical = rest.toString();
  return canonical ? `${SUM_KEY}=${checksum(canonical)}&${canonical}` : '';
}
