/**
 * What the service worker stores when a reader first opens the book, so it reads offline:
 * every page, the widgets' code and styles, KaTeX's math fonts (woff2 only: every browser that
 * runs a service worker takes woff2 first), the WebAssembly binaries of TF.js, the 唐诗
 * checkpoint, the corpora the text lab trains on, the backprop stepper's steps, Pagefind's search
 * index, and the app icons. The Mermaid diagrams are SVG inside the pages, so they come with them.
 *
 * Not stored: Pagefind's alternative UIs (Starlight bundles its own), the woff/ttf font
 * fallbacks, and anything else outside these patterns (benchmark output, READMEs).
 * Patterns are relative to the build output folder, in Workbox's glob syntax.
 */
export const PRECACHE_GLOBS: readonly string[] = [
  '**/*.html',
  '_astro/**/*.{js,css,wasm,woff2}',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pagefind',
  'pagefind/**/*.{pf_meta,pf_index,pf_fragment}',
  'models/**/*.{json,bin}',
  'corpora/*.txt',
  'widgets/*.json',
  'favicon.svg',
  'icons/*.png',
];

/**
 * The largest single file the precache accepts, in bytes. The biggest files it must hold are the
 * checkpoints' weights (唐诗 ≈1.36 MB, 附录 A ≈1.58 MB); the lab worker's largest chunk, TF.js
 * for the labs, is ≈0.7 MB since the four labs share it (widgets/shared/lab.worker.ts). Workbox's
 * default of 2 MiB is kept explicit here so a file that outgrows it fails loudly in review
 * rather than silently dropping out of the offline book (Workbox only warns).
 */
export const MAX_PRECACHE_FILE_BYTES = 2 * 1024 * 1024;
