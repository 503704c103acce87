/**
 * Starlight's search button shows "搜索" and a "Ctrl K" hint, but its accessible name is only
 * "搜索". WCAG 2.5.3 (label in name; axe's label-content-name-mismatch) wants the visible text
 * inside the name, so append the hint's text to aria-label: "搜索 Ctrl K". The keys also get a
 * space between them (`<kbd>Ctrl</kbd> <kbd>K</kbd>`; the flex layout hides it) so the visible
 * text reads "Ctrl K" rather than "CtrlK".
 * Returns the markup unchanged when there is no such button.
 */
export function nameIncludesShortcut(html: string): string {
  const match = html.match(/<button([^>]*data-open-modal[^>]*)>([\s\S]*?)<\/button>/);
  if (!match || match.index === undefined) return html;
  const [whole, attrs, inner] = match;
  const hint = inner.match(/<kbd[^>]*>([\s\S]*)<\/kbd>/)?.[1];
  const label = attrs.match(/aria-label="([^"]*)"/)?.[1];
  if (!hint || label === undefined) return html;
  const hintText = hint.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  const button = whole
    .replace(`aria-label="${label}"`, `aria-label="${label} ${hintText}"`)
    .replace(/<\/kbd><kbd/g, '</kbd> <kbd');
  return html.slice(0, match.index) + button + html.slice(match.index + whole.length);
}
