import { describe, expect, it } from 'vitest';
import { chunksReachableFrom, labWorkerChunk, LAB_WORKER_URL_MODULE, type ChunkLinks } from '../../../src/lib/astro/lab-worker-chunk';

const ENTRY = '/book/src/widgets/shared/lab.worker.ts';
const chunk = (imports: string[] = [], dynamicImports: string[] = [], facadeModuleId: string | null = null): ChunkLinks => ({
  type: 'chunk',
  facadeModuleId,
  imports,
  dynamicImports,
});

/** A page entry and the worker share tf-core; each lab's handler is a dynamic import of the worker. */
const BUNDLE: Record<string, ChunkLinks> = {
  'page.js': chunk(['tf-core.js', 'dom.js'], ['webgl.js']),
  'dom.js': chunk(),
  'lab.worker.js': chunk(['labs.js'], ['gen.worker.js'], ENTRY),
  'labs.js': chunk(),
  'gen.worker.js': chunk(['tf-core.js'], ['webgl.js']),
  'tf-core.js': chunk(),
  'webgl.js': chunk(['tf-core.js']),
  'style.css': { type: 'asset' },
};

describe('chunks the lab worker runs', () => {
  it('are its entry chunk and every chunk reachable through static and dynamic imports', () => {
    expect([...chunksReachableFrom(BUNDLE, ENTRY)].sort()).toEqual(['gen.worker.js', 'lab.worker.js', 'labs.js', 'tf-core.js', 'webgl.js']);
  });

  it('leave out chunks only the page imports', () => {
    const reached = chunksReachableFrom(BUNDLE, ENTRY);
    expect(reached.has('page.js')).toBe(false);
    expect(reached.has('dom.js')).toBe(false);
  });

  it('are none when no chunk has the worker as its entry', () => {
    expect(chunksReachableFrom(BUNDLE, '/elsewhere.ts').size).toBe(0);
  });
});

describe('labWorkerChunk plugin', () => {
  type Hook = (...args: never[]) => unknown;
  const plugin = () => {
    const p = labWorkerChunk('src/widgets/shared/lab.worker.ts');
    (p.configResolved as Hook as (c: { root: string }) => void)({ root: '/book' });
    return p;
  };
  const resolveDependencies = (p: ReturnType<typeof labWorkerChunk>) =>
    (p.config as () => { build: { modulePreload: { resolveDependencies: (f: string, d: string[], o: { hostId: string }) => string[] } } })().build.modulePreload
      .resolveDependencies;
  const generateBundle = (p: ReturnType<typeof labWorkerChunk>, bundle: Record<string, ChunkLinks>) =>
    (p.generateBundle as { handler: (o: unknown, b: unknown) => void }).handler({}, bundle);
  const load = (p: ReturnType<typeof labWorkerChunk>, environment: { name: string; mode: string }, emitted: unknown[] = []) =>
    (p.load as unknown as (this: unknown, id: string) => string | undefined).call(
      { environment, emitFile: (file: unknown) => (emitted.push(file), 'REF') },
      `\0${LAB_WORKER_URL_MODULE}`,
    );

  it('emits the worker as a chunk of the page build and exports its URL', () => {
    const emitted: unknown[] = [];
    expect(load(plugin(), { name: 'client', mode: 'build' }, emitted)).toBe('export default import.meta.ROLLUP_FILE_URL_REF;');
    expect(emitted).toEqual([{ type: 'chunk', id: ENTRY, name: 'lab.worker' }]);
  });

  it('exports the source file’s URL outside the page build (dev server, server build)', () => {
    for (const environment of [
      { name: 'client', mode: 'dev' },
      { name: 'ssr', mode: 'build' },
    ])
      expect(load(plugin(), environment)).toBe('export default new URL("/src/widgets/shared/lab.worker.ts", import.meta.url).href;');
  });

  it('lists no preload dependencies for chunks the worker runs, and keeps them for the page', () => {
    const p = plugin();
    generateBundle(p, BUNDLE);
    const deps = ['_astro/a.js'];
    expect(resolveDependencies(p)('gen.worker.js', deps, { hostId: 'gen.worker.js' })).toEqual([]);
    expect(resolveDependencies(p)('page.js', deps, { hostId: 'page.js' })).toEqual(deps);
  });
});
