import { describe, expect, it } from 'vitest';
import { isChoice, parseChoice } from '../../../src/lib/parse/choice';

const FRUITS = ['apple', 'pear'] as const;

describe('parseChoice', () => {
  it('returns a value that is exactly one of the options', () => {
    expect(parseChoice('apple', FRUITS)).toBe('apple');
    expect(parseChoice('pear', FRUITS)).toBe('pear');
  });

  it('refuses a value that differs only in case or surrounding spaces', () => {
    expect(parseChoice('Apple', FRUITS)).toBeUndefined();
    expect(parseChoice(' apple', FRUITS)).toBeUndefined();
    expect(parseChoice('apple ', FRUITS)).toBeUndefined();
  });

  it('refuses the empty string, a prefix and an unknown option', () => {
    expect(parseChoice('', FRUITS)).toBeUndefined();
    expect(parseChoice('app', FRUITS)).toBeUndefined();
    expect(parseChoice('plum', FRUITS)).toBeUndefined();
  });

  it('refuses non-strings and inherited property names without throwing', () => {
    for (const v of [undefined, null, 0, {}, ['apple'], 'toString', '__proto__', 'constructor']) expect(parseChoice(v, FRUITS)).toBeUndefined();
  });

  it('accepts nothing from an empty list', () => {
    expect(parseChoice('apple', [])).toBeUndefined();
  });
});

describe('isChoice', () => {
  it('narrows a string to the options only when it is one of them', () => {
    expect(isChoice('pear', FRUITS)).toBe(true);
    expect(isChoice('PEAR', FRUITS)).toBe(false);
    expect(isChoice(undefined, FRUITS)).toBe(false);
  });
});
