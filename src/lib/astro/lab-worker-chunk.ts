/**
 * The book's one lab worker (widgets/shared/lab.worker.ts) built as a chunk of the page build,
 * for the build's speed (issue 12: warm build ≤ 30 s). Vite builds `new Worker(new URL(…))`
 * with a second, nested rollup run, which parsed and tree-shook TF.js (~1,100 modules of
 * tfjs-core, its three backends and tfjs-layers) a second time: 8.5 s of a 14.6 s page build.
 * Emitted as one more entry chunk of the page build instead, the worker shares TF.js's chunks
 * with the page, and each module is processed once.
 *
 * Pages import the worker's URL from `virtual:book/lab-worker-url` (widgets/shared/lab-worker.ts).
 * In the build it is rollup's `import.meta.ROLLUP_FILE_URL_…`: the chunk's URL relative to the
 * importing chunk, so a base path (`--base /book/`) needs nothing. In `astro dev` it is the
 * source file's URL, which Vite serves as an ES module.
 *
 * A worker has no `document`: Vite's preload helper adds `<link rel="modulepreload">` for a
 * dynamic import's dependencies and would throw there, so chunks the worker runs list none
 * (`modulePreload.resolveDependencies`); a worker fetches them when it imports them.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The module pages import the worker's URL from (a string; declared in src/virtual.d.ts). */
export const LAB_WORKER_URL_MODULE = 'virtual:book/lab-worker-url';
const RESOLVED = `\0${LAB_WORKER_URL_MODULE}`;

/** What this plugin reads of a rollup output chunk. */
export interface ChunkLinks {
  type: 'chunk' | 'asset';
  facadeModuleId?: string | null;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The file names of every chunk `entry` (a module id) may run: its own chunk and those reachable
 * through static and dynamic imports. Empty when no chunk has `entry` as its facade.
 */
export function chunksReachableFrom(bundle: Record<string, ChunkLinks>, entry: string): Set<string> {
  const reached = new Set<string>();
  const start = Object.entries(bundle).find(([, c]) => c.type === 'chunk' && c.facadeModuleId === entry);
  const stack = start ? [start[0]] : [];
  while (stack.length) {
    const name = stack.pop()!;
    const chunk = bundle[name];
    if (reached.has(name) || chunk?.type !== 'chunk') continue;
    reached.add(name);
    stack.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
  }
  return reached;
}

/** The plugin; `entry` is the worker's source, relative to the project root. */
export function labWorkerChunk(entry = 'src/widgets/shared/lab.worker.ts'): Plugin {
  let entryId = '';
  let workerChunks = new Set<string>();
  return {
    name: 'book:lab-worker-chunk',
    config: () => ({
      build: { modulePreload: { resolveDependencies: (_file, deps, { hostId }) => (workerChunks.has(hostId) ? [] : deps) } },
    }),
    configResolved(config) {
      entryId = resolve(config.root, entry).replaceAll('\\', '/');
    },
    resolveId: (id) => (id === LAB_WORKER_URL_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (this.environment.name !== 'client' || this.environment.mode !== 'build')
        return `export default new URL(${JSON.stringify(`/${entry}`)}, import.meta.url).href;`;
      const ref = this.emitFile({ type: 'chunk', id: entryId, name: 'lab.worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    // Before Vite's import analysis writes each dynamic import's dependency list.
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        workerChunks = chunksReachableFrom(bundle as Record<string, ChunkLinks>, entryId);
      },
    },
  };
}
