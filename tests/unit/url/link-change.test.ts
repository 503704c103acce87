import { describe, expect, it } from 'vitest';
import { signFragment } from '../../../src/lib/url/fragment';
import { linkChangeConcerns, repeatedKeys, repeatedNotice } from '../../../src/lib/url/link-change';

const link = (pairs: Record<string, string>) => `#${signFragment(new URLSearchParams(pairs))}`;
const shown = link({ 'gpt.t': '0.8', 'map.l': '2' });

describe('a link that changes while the page is open', () => {
  it('concerns a loaded widget whose settings it changes', () => {
    expect(linkChangeConcerns(shown, link({ 'gpt.t': '1.2', 'map.l': '2' }), ['gpt'])).toBe(true);
  });

  it('leaves a loaded widget alone when only another widget’s settings change', () => {
    expect(linkChangeConcerns(shown, link({ 'gpt.t': '0.8', 'map.l': '3' }), ['gpt'])).toBe(false);
  });

  it('leaves the page alone for a section anchor or an emptied hash', () => {
    expect(linkChangeConcerns(shown, '#sec-a-2', ['gpt', 'map'])).toBe(false);
    expect(linkChangeConcerns(shown, '', ['gpt', 'map'])).toBe(false);
  });

  it('leaves the page alone when the link comes back to what the widgets show (Back after an anchor)', () => {
    expect(linkChangeConcerns(shown, shown, ['gpt', 'map'])).toBe(false);
  });

  it('compares settings, not their order or signature', () => {
    const two = link({ 'gpt.t': '0.8', 'gpt.k': '5' });
    expect(linkChangeConcerns(two, '#gpt.k=5&gpt.t=0.8', ['gpt'])).toBe(false);
  });

  it('concerns a loaded widget when a setting is added to a page opened without any', () => {
    expect(linkChangeConcerns('', '#gpt.t=1.2', ['gpt'])).toBe(true);
    expect(linkChangeConcerns('#sec-a-2', '#gpt.t=1.2', ['gpt'])).toBe(true);
  });

  it('concerns the widgets a damaged link names, or all when it names none', () => {
    expect(linkChangeConcerns(shown, '#sum=zzzz&gpt.t=1.2', ['gpt'])).toBe(true);
    expect(linkChangeConcerns(shown, '#sum=zzzz&gpt.t=1.2', ['map'])).toBe(false);
    expect(linkChangeConcerns(shown, '#sum=zzzz', ['map'])).toBe(true);
  });

  it('concerns nothing before any widget has loaded', () => {
    expect(linkChangeConcerns(shown, link({ 'gpt.t': '1.2' }), [])).toBe(false);
  });
});

describe('a key given more than once', () => {
  it('is counted for its own widget only', () => {
    const params = new URLSearchParams('gpt.t=1&gpt.t=2&gpt.t=3&map.l=1&map.l=2&gpt.k=5');
    expect(repeatedKeys(params, 'gpt')).toEqual([['gpt.t', 3]]);
    expect(repeatedKeys(params, 'att')).toEqual([]);
  });

  it('is told in one whole sentence', () => {
    expect(repeatedNotice('gpt.t', 2)).toBe('链接里的“gpt.t”出现了 2 次，只采用了第一个值。');
  });
});
