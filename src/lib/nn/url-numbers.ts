/**
 * Numeric widget settings in the URL hash, namespaced by widget (`#bp.seed=3&bp.alpha=0.5`).
 * Decoding never throws: a bad value keeps its default and comes back as a message.
 */
import { parseNumber, type NumberRule } from './validate';

export type NumberRules<K extends string> = Record<K, NumberRule & { name: string }>;

export function encodeNumbers<K extends string>(values: Record<K, number>, prefix: string, into = new URLSearchParams()): URLSearchParams {
  for (const key of Object.keys(values) as K[]) into.set(`${prefix}.${key}`, String(values[key]));
  return into;
}

export function decodeNumbers<K extends string>(
  params: URLSearchParams,
  prefix: string,
  rules: NumberRules<K>,
  defaults: Record<K, number>,
): { values: Record<K, number>; problems: string[] } {
  const values = { ...defaults };
  const problems: string[] = [];
  for (const key of Object.keys(rules) as K[]) {
    const raw = params.get(`${prefix}.${key}`);
    if (raw === null) continue;
    const r = parseNumber(raw, rules[key], rules[key].name);
    if (r.ok) values[key] = r.value;
    else problems.push(r.message);
  }
  return { values, problems };
}
