/** Where each assignment item lives in the book, built only from validated ids (never from link text). */
import { isAppendix, partOfId, partPath } from '../book/parts';
import { readFragment, signFragment } from '../url/fragment';
import type { Item } from './codec';
import { PRESET_PATTERN } from './limits';

/** The page of a validated id's chapter or appendix: sec-4-2 → chapter-04/, ex-A-1 → appendix-a/. */
const pageOf = (base: string, id: string) => `${base}${partPath(partOfId(id) ?? '')}`;
const page = (base: string, part: number | string) => `${base}${partPath(String(part))}`;

/** A section's link; "sec-6" stands for a chapter without numbered sections, so it is the page itself. */
export const sectionHref = (base: string, id: string) => `${pageOf(base, id)}${/^sec-\w+-\d+$/.test(id) ? `#${id}` : ''}`;

export function itemHref(base: string, item: Item): string {
  switch (item.k) {
    case 'sec':
      return sectionHref(base, item.id);
    case 'para':
      return `${page(base, item.ch)}#${item.id}`;
    case 'ex':
      return `${pageOf(base, item.id)}#${item.id}-title`;
    case 'task':
      return `${pageOf(base, item.id)}#${item.preset ?? `${item.id}-title`}`;
  }
}

export function itemLabel(item: Item, titles: Map<string, string>): string {
  switch (item.k) {
    case 'sec':
      return `阅读 ${titles.get(item.id) ?? item.id}`;
    case 'para':
      return `阅读${isAppendix(String(item.ch)) ? `附录 ${item.ch} ` : `第 ${item.ch} 章`}的指定段落（${item.id}）`;
    case 'ex':
      return `练习 ${item.id.replace('ex-', '').replace('-', '.')}`;
    case 'task':
      return `动手任务：练习 ${item.id.replace('ex-', '').replace('-', '.')}${item.preset ? '（按老师给的设置）' : ''}`;
  }
}

/** A pasted paragraph link (…/chapter-04/#p-0abc123 or …/appendix-a/#p-0abc123) as an item, or null. */
export function paragraphItem(url: string): Item | null {
  const m = url.trim().match(/(?:chapter-(\d{2})|appendix-([a-z]))\/?#([pfm]-[0-9a-z]{7}(?:-\d+)?)$/);
  if (!m) return null;
  return { k: 'para', id: m[3], ch: m[2] ? m[2].toUpperCase() : Number(m[1]) };
}

/**
 * The #fragment of a widget link copied with 复制链接, repaired as readFragment repairs it (and
 * still signed if it was), kept only if it is plain URL parameters within ASSIGN_LIMITS.maxPreset.
 * A damaged signed link gives null.
 */
export function presetFrom(link: string): string | null {
  const f = readFragment(link.trim().split('#')[1] ?? '');
  if (f.kind !== 'params') return null;
  const hash = f.signed ? signFragment(f.params) : f.params.toString();
  return hash && PRESET_PATTERN.test(hash) ? hash : null;
}
