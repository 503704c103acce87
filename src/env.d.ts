/// <reference path="../.astro/types.d.ts" />

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on first pointer, touch or focus inside the island (src/lib/astro/client-interaction.ts). */
    'client:interaction'?: boolean;
  }
}
export {};
