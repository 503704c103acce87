import { describe, expect, it } from 'vitest';
import { ASSIGN_LIMITS } from '../../../src/lib/assign/limits';
import { itemHref, itemLabel, paragraphItem, presetFrom } from '../../../src/lib/assign/links';
import { signFragment } from '../../../src/lib/url/fragment';

const signed = signFragment(new URLSearchParams('train.seed=7&train.lr=0.03'));

describe('a widget preset pasted into the builder', () => {
  it('keeps a copied link’s signed fragment', () => {
    expect(presetFrom(`http://localhost:4321/chapter-03/#${signed}`)).toBe(signed);
  });

  it('keeps an unsigned fragment as plain parameters', () => {
    expect(presetFrom('http://x/chapter-03/#train.lr=1000000')).toBe('train.lr=1000000');
  });

  it('repairs a trailing 。 and a fragment encoded once more', () => {
    expect(presetFrom(`http://x/chapter-03/#${signed}。`)).toBe(signed);
    expect(presetFrom(`http://x/chapter-03/#${encodeURIComponent(signed)}`)).toBe(signed);
  });

  it('refuses a signed link cut short, an anchor, and no fragment', () => {
    expect(presetFrom(`http://x/chapter-03/#${signed.slice(0, -5)}`)).toBeNull();
    expect(presetFrom('http://x/chapter-03/#sec-3-2')).toBeNull();
    expect(presetFrom('http://x/chapter-03/')).toBeNull();
  });

  it(`refuses a preset longer than ${ASSIGN_LIMITS.maxPreset} characters`, () => {
    const at = (n: number) => `http://x/chapter-05/#tg.prompt=${'a'.repeat(n - 'tg.prompt='.length)}`;
    expect(presetFrom(at(ASSIGN_LIMITS.maxPreset))).not.toBeNull();
    expect(presetFrom(at(ASSIGN_LIMITS.maxPreset + 1))).toBeNull();
  });
});

describe('a paragraph link pasted into the builder', () => {
  it('reads a chapter paragraph as that chapter’s number', () => {
    expect(paragraphItem('http://x/chapter-04/#p-0abc123')).toEqual({ k: 'para', id: 'p-0abc123', ch: 4 });
  });

  it('reads an appendix paragraph as its letter, linking back to the appendix page', () => {
    const item = paragraphItem('http://x/book/appendix-a/#p-0abc123');
    expect(item).toEqual({ k: 'para', id: 'p-0abc123', ch: 'A' });
    expect(itemHref('/book/', item!)).toBe('/book/appendix-a/#p-0abc123');
    expect(itemLabel(item!, new Map())).toBe('阅读附录 A 的指定段落（p-0abc123）');
  });

  it('refuses a link to a page that is neither a chapter nor an appendix', () => {
    expect(paragraphItem('http://x/glossary/#p-0abc123')).toBeNull();
  });
});
