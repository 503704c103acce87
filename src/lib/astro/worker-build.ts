/**
 * Vite's options for the build of the book's lab worker (widgets/shared/lab.worker.ts), for the
 * build's speed and the site's size (issue 12):
 * - ES modules, so the one worker entry loads each lab's handler as its own chunk, with TF.js
 *   in chunks the labs share: one rollup run for all the labs instead of one per lab;
 * - Astro's file names (`_astro/[name].[hash][extname]`) for the worker's chunks and assets too.
 *   Vite's default for workers is `[name]-[hash]`, so each TF.js WebAssembly binary that both
 *   the page and the worker import shipped twice under two names. With one pattern the two
 *   builds name the same bytes alike, and Vite emits the worker's copy only when it differs.
 */

/** Astro's `build.assets` folder, where Vite writes hashed files. */
export const ASSETS_DIR = '_astro';

/** Astro's own output patterns (astro/dist/core/build/static-build.js), for the worker build. */
export const WORKER_OUTPUT = {
  entryFileNames: `${ASSETS_DIR}/[name].[hash].js`,
  chunkFileNames: `${ASSETS_DIR}/[name].[hash].js`,
  assetFileNames: `${ASSETS_DIR}/[name].[hash][extname]`,
} as const;

/** The `vite.worker` setting. */
export function workerBuild(): { format: 'es'; rollupOptions: { output: typeof WORKER_OUTPUT } } {
  return { format: 'es', rollupOptions: { output: WORKER_OUTPUT } };
}
