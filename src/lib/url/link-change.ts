/**
 * What the page does when its link changes while it is open: a link pasted into the address bar
 * of a page that is already open (or a link to this page clicked in it) changes only the hash,
 * so the browser keeps the page and fires `hashchange`. Widgets read their settings from the link
 * once, when they load, so such a change must reload the page for them to start from the new link
 * exactly as a fresh visit would. A change that does not touch a loaded widget's settings (a
 * section anchor, another widget's keys, the widgets' own writes) leaves the page alone.
 */
import { readFragment } from './fragment';

/** The keys `prefix.…` of `params` with their values, in canonical order, as one comparable string. */
function settingsOf(params: URLSearchParams, prefix: string): string {
  const mine = [...params].filter(([key]) => key.startsWith(`${prefix}.`)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(mine).toString();
}

/**
 * Whether a hash change from `known` (the settings the loaded widgets show: the link they read or
 * last wrote) to `next` (`location.hash` now, with or without `#`) changes the settings of a
 * widget whose prefix is in `loaded`. A section anchor or an empty hash changes nothing (the
 * widgets keep what they show; the next write puts their keys back). A damaged link concerns the
 * widgets it names, or all when it names none. Never throws.
 */
export function linkChangeConcerns(known: string, next: string, loaded: Iterable<string>): boolean {
  const after = readFragment(next);
  if (after.kind === 'empty' || after.kind === 'anchor') return false;
  const prefixes = [...loaded];
  if (after.kind === 'damaged') return prefixes.some((p) => after.prefixes.length === 0 || after.prefixes.includes(p));
  const before = readFragment(known);
  const old = before.kind === 'params' ? before.params : new URLSearchParams();
  return prefixes.some((p) => settingsOf(old, p) !== settingsOf(after.params, p));
}

/**
 * Counts each widget key (`prefix.name`) that `params` names more than once, for `prefix`; only
 * the first value of a key is read, so the reader is told. Returns `[key, count]` pairs.
 */
export function repeatedKeys(params: URLSearchParams, prefix: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of params.keys()) if (key.startsWith(`${prefix}.`)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1);
}

/** The notice for a key given `count` times (a whole sentence, shown as it is). */
export const repeatedNotice = (key: string, count: number): string => `链接里的“${key}”出现了 ${count} 次，只采用了第一个值。`;
