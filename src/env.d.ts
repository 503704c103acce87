// Astro's generated types (.astro/types.d.ts) come in through tsconfig.json's "include".
declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on first pointer, touch or focus inside the island, or at once when the #fragment carries a setting under the given link prefix (src/lib/astro/client-interaction.ts). */
    'client:interaction'?: boolean | string;
    /** Hydrate near the viewport, or on a first click, which is held and replayed (src/lib/astro/client-near.ts). */
    'client:near'?: boolean | { rootMargin?: string };
  }
}
export {};
