/**
 * The book's chapter and section tree, read from the chapters' MDX: what reading progress
 * counts, what the sidebar shows as "2/4", and what an assignment can pick from.
 */
import { parseSectionHeading, SECTION_DEPTH, type SectionHeading } from './sections';

export interface SectionEntry {
  /** Anchor id, e.g. "sec-4-2". */
  id: string;
  title: string;
}

export interface ChapterEntry {
  chapter: number;
  slug: string;
  title: string;
  sections: SectionEntry[];
  /** data-exercise-id of each <Exercise> in the chapter, in order. */
  exercises: string[];
  /** Those of them that are widget tasks. */
  tasks: string[];
}

/** An ATX heading of the section level, `## text` (closing #s dropped); group 1 is its text. */
const SECTION_LINE = new RegExp(`^ {0,3}#{${SECTION_DEPTH}}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$`);

/** The section headings (book/sections.ts's rule) on `##` lines outside code fences, in order. */
export function sectionHeadings(mdx: string): SectionHeading[] {
  const out: SectionHeading[] = [];
  let fenced = false;
  for (const line of mdx.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && SECTION_LINE.exec(line);
    const heading = m ? parseSectionHeading(m[1]) : undefined;
    if (heading) out.push(heading);
  }
  return out;
}

/** The chapter's sections as the outline lists them: anchor id and "4.2 标题". */
export const sectionsOf = (mdx: string): SectionEntry[] => sectionHeadings(mdx).map((h) => ({ id: h.id, title: `${h.number} ${h.title}` }));

/**
 * The section id under a chapter's title when the chapter has no numbered sections and is read as
 * one section (load-outline.ts: "sec-6"); undefined for a chapter with numbered sections, or for a
 * page that is no chapter. `body` is the chapter's MDX. PageTitle.astro keeps a line under such a
 * title for its 已读 button.
 */
export const titleSectionId = (chapter: ChapterEntry | undefined, body: string): string | undefined =>
  chapter && !sectionsOf(body).length ? chapter.sections[0]?.id : undefined;

/** The ids of the chapter's <Exercise id="…"> components, in order. */
export const exercisesOf = (mdx: string): string[] => [...mdx.matchAll(/<Exercise\b[^>]*?\bid="(ex-[\w-]+)"/g)].map((m) => m[1]);

/** The ids of the chapter's widget-task exercises (kind="task"). */
export const tasksOf = (mdx: string): string[] =>
  [...mdx.matchAll(/<Exercise\b([\s\S]*?)\/>/g)]
    .filter((m) => /\bkind="task"/.test(m[1]))
    .map((m) => m[1].match(/\bid="(ex-[\w-]+)"/)?.[1] ?? '')
    .filter(Boolean);

/** Per chapter, how many of its sections are marked read. */
export function chapterCounts(outline: ChapterEntry[], read: Record<string, unknown>): Map<number, { read: number; total: number }> {
  return new Map(outline.map((c) => [c.chapter, { read: c.sections.filter((s) => s.id in read).length, total: c.sections.length }]));
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isSection = (v: unknown): v is SectionEntry =>
  typeof v === 'object' && v !== null && 'id' in v && typeof v.id === 'string' && 'title' in v && typeof v.title === 'string';

/** Whether `v` has every field of a ChapterEntry, each of its type. */
function isChapterEntry(v: unknown): v is ChapterEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.chapter === 'number' &&
    typeof e.slug === 'string' &&
    typeof e.title === 'string' &&
    Array.isArray(e.sections) &&
    e.sections.every(isSection) &&
    isStrings(e.exercises) &&
    isStrings(e.tasks)
  );
}

/**
 * The outline a page embeds as JSON (Head.astro's `#book-outline`), read back in the browser.
 * Never throws: text that is not JSON, or not an array, gives []; entries of the wrong shape are
 * left out, so progress still counts the chapters that are intact.
 */
export function parseOutline(json: string): ChapterEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  return Array.isArray(data) ? data.filter(isChapterEntry) : [];
}
