/**
 * A widget's settings read from the URL hash (`#train.batch=20&train.seed=7`). Each widget
 * lists its own settings once, as parsers; the decoder runs the very parser the widget's field
 * runs, so a link can set exactly what typing can. Never throws.
 */
import { quoteInput } from '../parse/fields';
import { settingProblem, unknownKeyProblem, type LinkProblem } from '../url/link-problem';
import { trailingNotice, type TrailingCut } from '../url/trailing';
import type { FieldParser } from './validate';

/** One parser per setting: the widget's whole list of URL keys. */
export type FieldParsers<V> = { [K in keyof V]: FieldParser<V[K]> };

const ownKey = <V>(parsers: FieldParsers<V>, name: string): name is Extract<keyof V, string> => Object.hasOwn(parsers, name);

/**
 * The settings under `prefix.` in `params`. A value its parser refuses is left out (the widget
 * keeps its default) and explained; a name that is not one of the widget's own keys
 * (`train.__proto__`, `train.toString`, a typo) is ignored and reported (kind `unknown-key`). Messages follow the
 * widget's own order of settings (kind `setting`), then the unknown names in link order. When a key repeats,
 * the first occurrence counts, as with `URLSearchParams.get`. `cut` (trailingCut of the page's
 * hash) is what the link repair trimmed off the last value: that value is tried as it arrived
 * first, and only then as repaired, with a notice in `notices` saying what was dropped.
 */
export function decodeFields<V>(
  params: URLSearchParams,
  prefix: string,
  parsers: FieldParsers<V>,
  cut: TrailingCut | null = null,
): { values: Partial<V>; problems: LinkProblem[]; notices: string[] } {
  const values: Partial<V> = {};
  const problems: LinkProblem[] = [];
  const notices: string[] = [];
  for (const name of Object.keys(parsers)) {
    const raw = params.get(`${prefix}.${name}`);
    if (raw === null || !ownKey(parsers, name)) continue;
    const arrived = cut && cut.key === `${prefix}.${name}` ? parsers[name](cut.raw) : null;
    const parsed = arrived?.ok ? arrived : parsers[name](raw);
    if (parsed.ok) values[name] = parsed.value;
    else problems.push(settingProblem(parsed.message));
    if (parsed.ok && cut && arrived && !arrived.ok) notices.push(trailingNotice(cut.cut));
  }
  for (const key of new Set(params.keys())) {
    if (key.startsWith(`${prefix}.`) && !ownKey(parsers, key.slice(prefix.length + 1))) problems.push(unknownKeyProblem(quoteInput(key, 40)));
  }
  return { values, problems, notices };
}
