/**
 * The book's parts: the article's chapters, numbered 1–11, and the editors' appendices, lettered
 * A, B, …, which come after them. A part's label is what the page prints before its section and
 * formula numbers ("4" in 4.2 and (4.3); "A" in A.1 and (A.3)), and what its anchors and ids
 * carry: sec-4-2, eq-4-3, ex-4-1; sec-A-1, eq-A-3, ex-A-1. Section headings, formula numbers,
 * exercise links, assignment ids and page paths all read the label through this one rule.
 */

/** A chapter's label: its number, 1–99, without leading zeros. */
const CHAPTER = '[1-9]\\d?';
/** An appendix's label: one capital letter. */
const APPENDIX = '[A-Z]';
/** Regex source of any part's label, for the patterns built on it (sections, assignment ids). */
export const PART_LABEL = `(?:${CHAPTER}|${APPENDIX})`;

/** An appendix's letter in the frontmatter (`appendix: A`). */
export const APPENDIX_LETTER = new RegExp(`^${APPENDIX}$`);
/** An appendix's file, `appendix-a.mdx`: its page is /appendix-a/. */
export const APPENDIX_FILE = /^appendix-([a-z])\.mdx$/;

/** What the frontmatter says about a page's place in the book. */
export interface PartData {
  /** Position in reading order: 1–11 are the article's chapters; appendices follow (12, …). */
  chapter: number;
  /** An appendix's letter; absent for the article's chapters. */
  appendix?: string;
}

/** The label a page prints: the appendix letter if it has one, else the chapter number ("4", "A"). */
export const partLabel = (data: PartData): string => data.appendix ?? String(data.chapter);

/** Whether a label names an appendix rather than one of the article's chapters. */
export const isAppendix = (label: string): boolean => APPENDIX_LETTER.test(label);

/** The page path of a part, relative to the site base: "chapter-04/" or "appendix-a/". */
export const partPath = (label: string): string => (isAppendix(label) ? `appendix-${label.toLowerCase()}/` : `chapter-${label.padStart(2, '0')}/`);

/** The part an anchor or exercise id belongs to: "sec-4-2" → "4", "ex-A-1" → "A", "sec-6" → "6"; undefined if none. */
export const partOfId = (id: string): string | undefined => new RegExp(`^(?:sec|ex|eq)-(${PART_LABEL})(?:-|$)`).exec(id)?.[1];
