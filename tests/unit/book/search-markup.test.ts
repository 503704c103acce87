import { describe, expect, it } from 'vitest';
import { nameIncludesShortcut } from '../../../src/lib/book/search-markup';

const button =
  '<site-search><button data-open-modal aria-label="搜索"><span aria-hidden="true">搜索</span><kbd class="x"> <kbd>Ctrl</kbd><kbd>K</kbd> </kbd></button><dialog aria-label="搜索"></dialog></site-search>';

describe('nameIncludesShortcut', () => {
  it('appends the visible shortcut hint to the button’s accessible name', () => {
    expect(nameIncludesShortcut(button)).toContain('<button data-open-modal aria-label="搜索 Ctrl K">');
  });
  it('separates the keys so the visible text reads "Ctrl K"', () => {
    expect(nameIncludesShortcut(button)).toContain('<kbd>Ctrl</kbd> <kbd>K</kbd>');
  });
  it('changes nothing else', () => {
    const undone = nameIncludesShortcut(button).replace('搜索 Ctrl K', '搜索').replace('</kbd> <kbd>K', '</kbd><kbd>K');
    expect(undone).toBe(button);
  });
  it('leaves markup without a search button alone', () => {
    expect(nameIncludesShortcut('<p><kbd>K</kbd></p>')).toBe('<p><kbd>K</kbd></p>');
  });
  it('leaves a button without a shortcut hint alone', () => {
    const html = '<button data-open-modal aria-label="搜索">搜索</button><kbd>K</kbd>';
    expect(nameIncludesShortcut(html)).toBe(html);
  });
});
