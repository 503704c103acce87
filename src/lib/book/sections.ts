/**
 * The one rule for numbered section headings, used by the remark plugin that sets anchors, the
 * outline that reading progress, the sidebar counts and assignments are built from, and the
 * e2e helpers. A section is a level-2 heading (`## …`) whose text starts with
 * chapter.section, then a separator, then a title:
 *
 *   `4.2 标题`, `4.2 标题` with any whitespace (U+3000 too), `4.2. 标题`, `4.2.标题`, `4.2、标题`, `10.12 标题`,
 *   and in an appendix `A.1 标题` (the part's label, book/parts.ts)
 *
 * Not sections: `4.2标题` (no separator), `4.2.1 标题` (sub-sections are not numbered sections;
 * Starlight's slug anchor still applies), `4.2` (no title), `04.2` or `4.0` (numbers start at 1,
 * without leading zeros, so each section has exactly one spelling), `第 4.2 节`, `练习`.
 * The anchor depends on the number only: `sec-4-2`, `sec-A-1`, so links survive edits to a title.
 */
import { PART_LABEL } from './parts';

/** Markdown heading level of a section: `##`. */
export const SECTION_DEPTH = 2;

export interface SectionHeading {
  /** The chapter's number, or an appendix's letter ("A"). */
  chapter: number | string;
  section: number;
  /** As printed: "4.2". */
  number: string;
  /** Anchor id: "sec-4-2". */
  id: string;
  /** The words after the number, trimmed: "公式推导过程". */
  title: string;
}

/** chapter.section, then whitespace, `、`, or `.` not followed by a digit (which would be 4.2.1). */
const HEADING = new RegExp(`^(${PART_LABEL})\\.([1-9]\\d*)(?:\\.(?!\\d)\\s*|、\\s*|\\s+)(\\S.*)$`, 'su');

/** The anchor of a section, or of a whole chapter without numbered sections (`sec-6`). */
export const sectionAnchor = (chapter: number | string, section?: number): string => (section === undefined ? `sec-${chapter}` : `sec-${chapter}-${section}`);

/** A heading's text (without the `##`) read as a section heading, or undefined if it is not one. */
export function parseSectionHeading(text: string): SectionHeading | undefined {
  const m = HEADING.exec(text.trim());
  if (!m) return undefined;
  const [chapter, section] = [/\d/.test(m[1]) ? Number(m[1]) : m[1], Number(m[2])];
  return { chapter, section, number: `${chapter}.${section}`, id: sectionAnchor(chapter, section), title: m[3].trim() };
}
