/**
 * Numeric widget settings in the URL hash, namespaced by widget (`#bp.seed=3&bp.alpha=0.5`).
 * Decoding goes through `decodeFields` (url-fields.ts), with the same parsers as the fields.
 */
import { numberField, type FieldParser, type NamedRule } from './validate';

export type NumberRules<K extends string> = Record<K, NamedRule>;

/** `prefix.key=value` for each number, appended to `into`. */
export function encodeNumbers<K extends string>(values: Record<K, number>, prefix: string, into = new URLSearchParams()): URLSearchParams {
  for (const key of Object.keys(values) as K[]) into.set(`${prefix}.${key}`, String(values[key]));
  return into;
}

/** One parser per numeric rule, for `decodeFields` and for the widget's fields alike. */
export function numberFields<K extends string>(rules: NumberRules<K>): Record<K, FieldParser<number>> {
  const out = {} as Record<K, FieldParser<number>>;
  for (const key of Object.keys(rules) as K[]) out[key] = numberField(rules[key]);
  return out;
}
