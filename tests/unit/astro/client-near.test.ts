import { describe, expect, it } from 'vitest';
import { rootMarginOf } from '../../../src/lib/astro/client-near';

describe('client:near options', () => {
  it('reads a rootMargin string', () => expect(rootMarginOf({ rootMargin: '200px' })).toBe('200px'));
  it('treats a bare directive (true) as no margin', () => expect(rootMarginOf(true)).toBeUndefined());
  it('ignores a non-string margin', () => expect(rootMarginOf({ rootMargin: 200 })).toBeUndefined());
  it('ignores an inherited rootMargin', () => expect(rootMarginOf(Object.create({ rootMargin: '9px' }))).toBeUndefined());
  it('ignores null', () => expect(rootMarginOf(null)).toBeUndefined());
});
