/**
 * Strings from the DOM (a select's value, a data attribute, an input's text) arrive typed as
 * `string` or `string | undefined`. These narrow such a string to one of a fixed list of options
 * by exact, case-sensitive match, so widgets never need a cast. They never throw.
 */

/** True when `value` is exactly one of `list`'s entries; narrows `value` to that union. */
export const isChoice = <T extends string>(value: unknown, list: readonly T[]): value is T =>
  typeof value === 'string' && list.some((option) => option === value);

/**
 * `value` as one of `list`'s options, or undefined when it is not one (including null,
 * undefined, other types, different case or surrounding spaces). Never throws.
 */
export function parseChoice<T extends string>(value: unknown, list: readonly T[]): T | undefined {
  return isChoice(value, list) ? value : undefined;
}
