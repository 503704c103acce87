/**
 * A widget's settings live in the page's URL hash, so "复制链接" hands a class the exact same
 * numbers. These helpers keep the hash current (signed with a checksum, so a link that arrives
 * cut short is refused rather than half-applied), read it back repaired, and copy it.
 */
import { encodeNumbers } from '../../lib/nn/url-numbers';
import { parseNumber, type FieldParser, type NamedRule } from '../../lib/nn/validate';
import { damageConcerns, readFragment, signFragment } from '../../lib/url/fragment';
import { linkChangeConcerns, repeatedKeys, repeatedNotice } from '../../lib/url/link-change';
import { damagedProblem, type LinkProblem } from '../../lib/url/link-problem';
import { trailingCut, trailingNotice } from '../../lib/url/trailing';

const pageFragment = () => readFragment(typeof location === 'undefined' ? '' : location.hash);

/** Prefixes of the widgets that have read the link (loaded), and the hash they show. */
const loaded = new Set<string>();
let known = '';
/** Whether a damaged link that names no widget has been reported (by the first widget to load). */
let unnamedReported = false;

/**
 * A link pasted into this open page reloads it when it changes a loaded widget's settings
 * (lib/url/link-change.ts), so every widget starts from it as on a fresh visit. Our own writes
 * use history.replaceState, which fires no `hashchange`.
 */
function watchLink(prefix: string): void {
  if (typeof location === 'undefined') return;
  if (loaded.size === 0) {
    known = location.hash;
    addEventListener('hashchange', () => {
      if (linkChangeConcerns(known, location.hash, loaded)) location.reload();
    });
  }
  loaded.add(prefix);
}

/** Writes `fragment` (no `#`) as the page's hash, remembering it as what the widgets show. */
function writeFragment(fragment: string): void {
  history.replaceState(history.state, '', `#${fragment}`);
  known = location.hash;
}

/**
 * The widget settings in the page's hash, repaired (see readFragment). Empty when the hash is a
 * plain anchor or a damaged link: then nothing from it is applied.
 */
export function hashParams(): URLSearchParams {
  const f = pageFragment();
  return f.kind === 'params' ? f.params : new URLSearchParams();
}

/**
 * What is wrong with the page's link as a whole, for the widget with `prefix`'s list of link
 * problems (lib/url/link-problem.ts): the damaged link when the link is damaged and concerns it (its keys name it; one that
 * names no widget is reported once, by the first widget to load); a notice for each of its keys
 * the link gives more than once (only the first value is read); and, when the repair of a hand-typed link dropped characters (a chat app's 。 or
 * ）) from the end of this widget's last value, a notice saying so (lib/url/trailing.ts). A widget
 * that tries the value as it arrived first, and says so itself, passes `{ trailing: false }`.
 */
export function linkDamage(prefix: string, { trailing = true } = {}): LinkProblem[] {
  watchLink(prefix);
  const f = pageFragment();
  const unnamed = f.kind === 'damaged' && f.prefixes.length === 0;
  const problems: LinkProblem[] = damageConcerns(f, prefix) && !(unnamed && unnamedReported) ? [damagedProblem] : [];
  if (unnamed) unnamedReported = true;
  if (f.kind === 'params') for (const [key, n] of repeatedKeys(f.params, prefix)) problems.push({ kind: 'repeated', text: repeatedNotice(key, n) });
  const cut = trailing && typeof location !== 'undefined' ? trailingCut(location.hash) : null;
  if (cut?.key.startsWith(`${prefix}.`)) problems.push({ kind: 'trailing', text: trailingNotice(cut.cut) });
  return problems;
}

/**
 * Replaces this widget's keys (`prefix.…`) in the hash with `mine`, leaving other widgets' keys
 * alone; keys of this widget that `mine` no longer has are dropped.
 */
export function replaceHashParams(prefix: string, mine: URLSearchParams): void {
  const params = hashParams();
  for (const key of [...params.keys()]) if (key.startsWith(`${prefix}.`)) params.delete(key);
  for (const [key, value] of mine) params.append(key, value);
  writeFragment(signFragment(params));
}

/** Sets the given keys in the hash (other keys, this widget's included, stay as they are). */
export function mergeHashParams(keys: URLSearchParams): void {
  const params = hashParams();
  for (const [key, value] of keys) params.set(key, value);
  writeFragment(signFragment(params));
}

/** Writes a widget's numbers and strings to the hash under its prefix. */
export function writeHash(values: Record<string, number | string>, prefix: string): void {
  const numbers = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  const mine = encodeNumbers(numbers, prefix);
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string') mine.set(`${prefix}.${k}`, v);
  replaceHashParams(prefix, mine);
}

/** Copies the current URL; returns the message to show. */
export async function copyLink(): Promise<string> {
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
    return '链接已复制。';
  } catch {
    return `无法自动复制，请手动复制：${url}`;
  }
}

/** Field texts for a set of numbers, as first shown in the inputs. */
export function asText<K extends string>(values: Record<K, number>): Record<K, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) as Record<K, string>;
}

/** A field's rule: a named numeric range (parsed by parseNumber) or the field's own parser (lib/nn/validate.ts). */
export type FieldRule = NamedRule | FieldParser<unknown>;

/** What a field of rule `R` gives once valid: a parser's value, else a number. */
export type FieldValue<R> = R extends FieldParser<infer T> ? T : number;

/**
 * Validates a typed field against its rule, `rules[key]`: a named range or a parser (a lab's
 * FieldParsers, the one list its link decoder also reads). On error, records the message under
 * `key` in `errors` and returns undefined; on success, clears it and returns the value.
 */
export function checkField<R extends Record<string, FieldRule>, K extends keyof R & string>(
  key: K,
  text: string,
  rules: R,
  errors: Partial<Record<K, string>>,
): FieldValue<R[K]> | undefined {
  const rule = rules[key];
  const parsed = typeof rule === 'function' ? rule(text) : parseNumber(text, rule, rule.name);
  if (!parsed.ok) {
    errors[key] = parsed.message;
    return undefined;
  }
  delete errors[key];
  return parsed.value as FieldValue<R[K]>;
}
