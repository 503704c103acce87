/**
 * Plain text of the article and of our MDX chapters, for checking that every sentence of
 * the article survives in the book (and, later, for building a corpus from the book).
 */

/** The book is everything above the first run of 4+ dashes; below it is a note to the commissioner. */
export function bookPart(source: string): string {
  const cut = source.search(/-{4,}/);
  return cut === -1 ? source : source.slice(0, cut);
}

/** Drops markdown/MDX markup that is not wording: emphasis, heading and list markers, fences, tags. */
export function plainLines(markdown: string): string[] {
  return (
    markdown
      // Frontmatter contributes only its title, as the heading it was in the article.
      .replace(/^---\n([\s\S]*?)\n---\n/, (_fm, yaml: string) => `# ${yaml.match(/^title:\s*(.*)$/m)?.[1] ?? ''}\n`)
      .split('\n')
      .map(plainLine)
      .filter((line) => line && !/^(```|\$\$|:::)/.test(line))
  );
}

function plainLine(raw: string): string {
  const line = raw
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*/g, '')
    .trim();
  const heading = line.match(/^#{1,6}\s+(.*)$/);
  if (heading) return heading[1]; // "## 4.2 标题": the number is part of the wording
  return line.replace(/^(?:\d+\.|[-*])\s+/, ''); // list markers are not
}

/** Splits prose into sentences ending in 。！？ (the terminator is kept); other lines stay whole. */
export function sentences(lines: string[]): string[] {
  return lines
    .flatMap((line) => line.match(/[^。！？]+[。！？]?/g) ?? [])
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Collapses whitespace so line wrapping in MDX cannot hide a match. */
export const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The book's own wording as one training text for the text lab: chapters in order, markup and MDX imports removed. */
export const bookCorpus = (chapters: string[]): string =>
  chapters
    // Components (<Exercise … />, widgets) can span many lines; they are not the book's wording.
    .map((mdx) =>
      plainLines(mdx.replace(/<[A-Z][\s\S]*?\/>/g, ''))
        .filter((line) => !/^(import|export)\s/.test(line))
        .join('\n'),
    )
    .join('\n');
