/**
 * The box an inline Mermaid SVG occupies, read at build time from its own attributes, so that the
 * figure can reserve exactly that box while the browser skips laying the SVG out.
 *
 * Mermaid writes `width="100%" style="max-width:Wpx" viewBox="x y w h"`: the SVG is as wide as
 * its column, at most W px, and as tall as that width × h / w. A wrapper with
 * `aspect-ratio: w / h; max-width: Wpx` has the same box whether its contents are laid out or
 * skipped (`content-visibility: auto` gives it size containment, so only `aspect-ratio` sizes
 * it). A fixed placeholder height cannot: the old `contain-intrinsic-size: 40rem` was 640 px for a
 * 113 px diagram, and the page jumped by the difference when the figure neared the viewport,
 * taking a link away from under a reader's click.
 */

/** Width and height from the viewBox (SVG user units) and the largest width (CSS px), if capped. */
export interface DiagramBox {
  ratio: { width: number; height: number };
  maxWidth: number | null;
}

const NUMBER = '[0-9]*\\.?[0-9]+(?:e[-+]?[0-9]+)?';

/**
 * Reads the box of an SVG from its `viewBox` and `style` attribute values. Returns null (never
 * throws) when the viewBox is missing, malformed, or has a width or height that is not positive:
 * such a figure is then laid out normally, never squeezed into a wrong box.
 */
export function diagramBox(viewBox: unknown, style: unknown): DiagramBox | null {
  if (typeof viewBox !== 'string') return null;
  const parts = viewBox
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [, , width, height] = parts;
  if (!(width > 0 && height > 0)) return null;
  const max = typeof style === 'string' ? style.match(new RegExp(`(?:^|;)\\s*max-width\\s*:\\s*(${NUMBER})px`, 'i')) : null;
  const maxWidth = max ? Number(max[1]) : null;
  return { ratio: { width, height }, maxWidth: maxWidth !== null && maxWidth > 0 ? maxWidth : null };
}

/** The wrapper's `style` attribute that reserves `box`, e.g. `aspect-ratio: 344 / 919.8; max-width: 344.05px`. */
export function boxStyle(box: DiagramBox): string {
  const ratio = `aspect-ratio: ${box.ratio.width} / ${box.ratio.height}`;
  return box.maxWidth === null ? ratio : `${ratio}; max-width: ${box.maxWidth}px`;
}
