/**
 * `client:near`: hydrate an island when it comes within `rootMargin` of the viewport (like
 * `client:visible`), or at once when a reader clicks one of its controls first; that click is
 * held and carried out after hydration (held-clicks.ts). Registered in astro.config.mjs.
 * Usage: `<Widget client:near={{ rootMargin: '200px' }} />`; bare `client:near` means 0px.
 */
import type { ClientDirective } from 'astro';
import { holdClicks } from './held-clicks';

/** Reads `{ rootMargin: string }` from the directive's value; anything else means no margin. */
export function rootMarginOf(value: unknown): string | undefined {
  const margin: unknown =
    typeof value === 'object' && value !== null && Object.hasOwn(value, 'rootMargin') ? (value as Record<string, unknown>).rootMargin : undefined;
  return typeof margin === 'string' ? margin : undefined;
}

const near: ClientDirective = (load, options, el) => {
  const hydrate = holdClicks(el, load);
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      void hydrate();
    },
    { rootMargin: rootMarginOf(options.value) },
  );
  // The island itself is `display: contents` and has no box; its children do.
  for (const child of el.children) io.observe(child);
};

export default near;
