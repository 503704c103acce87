/**
 * What readFragment's repair cut off a hand-typed link. A chat app may glue `。` or `）` onto a
 * link, and readFragment (fragment.ts) trims such characters from the end of an unsigned
 * fragment; but a value may itself end in one (`#scale.m=GPT-2（124M）`). This finds the last
 * value as it arrived and as repaired, so the reader of the link can try the value as it
 * arrived first, and say what was dropped when only the repaired value is accepted.
 */
import { readFragment, unwrap } from './fragment';

export interface TrailingCut {
  /** The full parameter name (`scale.m`). */
  key: string;
  /** The value as it arrived, before the repair. */
  raw: string;
  /** The characters the repair removed from its end (decoded): `。`, `）`… */
  cut: string;
}

/**
 * The repair's cut on the last parameter of an unsigned fragment (`location.hash`, with or
 * without `#`), or null when nothing was cut, the fragment is signed (its checksum decides), an
 * anchor or damaged, or the name repeats (only a name's first value is read). Never throws.
 */
export function trailingCut(hash: string): TrailingCut | null {
  const f = readFragment(hash);
  if (f.kind !== 'params' || f.signed) return null;
  const keys = [...f.params.keys()];
  const key = keys[keys.length - 1];
  if (key === undefined) return null;
  const arrived = new URLSearchParams(unwrap(hash.replace(/^#/, ''))).getAll(key);
  const repaired = f.params.getAll(key);
  if (arrived.length !== 1 || repaired.length !== 1) return null;
  const [raw, value] = [arrived[0], repaired[0]];
  if (raw === value || !raw.startsWith(value)) return null;
  return { key, raw, cut: raw.slice(value.length) };
}

/**
 * The notice for a value read without `cut`, which the repair dropped from its end. Worded for any
 * value: a text's own final 。 may be dropped too (only the scale calculator tries a value as it
 * arrived first), so the reader is told what went, and why it usually does not belong.
 */
export const trailingNotice = (cut: string): string => `链接末尾的“${cut}”已忽略（转发时常有标点粘在链接末尾）。`;
