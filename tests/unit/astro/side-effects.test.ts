import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createFilter as viteCreateFilter, resolveConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { fasterSideEffects, sideEffectsFilter, type PackageData } from '../../../src/lib/astro/side-effects';

const require = createRequire(import.meta.url);
/** A real package.json with a long `sideEffects` list: tfjs-core's (18 globs, `*` among them). */
const CORE_JSON = require.resolve('@tensorflow/tfjs-core/package.json');
const CORE_DIR = dirname(CORE_JSON).replaceAll('\\', '/');
const CORE_SIDE_EFFECTS = (JSON.parse(readFileSync(CORE_JSON, 'utf8')) as { sideEffects: string[] }).sideEffects;

/** Vite's own answer, as vite/src/node/packages.ts loadPackageData builds it. */
const viteHasSideEffects = (dir: string, sideEffects: string[]) =>
  viteCreateFilter(
    sideEffects.map((s) => (s.includes('/') ? s : `**/${s}`)),
    null,
    { resolve: dir },
  );

const CORE_IDS = [
  'dist/index.js',
  'dist/engine.js',
  'dist/ops/add.js',
  'dist/platforms/platform_browser.js',
  'dist/platforms/nested/x.js',
  'dist/public/chained_ops/add.js',
  'dist/io/io_utils.js',
  'dist/io/browser_files.js',
  'src/index.mjs',
  'dist/register_all_gradients.js',
  'dist/base.js',
  'dist/tf-core.fesm.js',
].map((file) => `${CORE_DIR}/${file}`);

describe('package side effects with globs compiled once (build speed)', () => {
  it("answers as Vite's own filter does for tfjs-core's files", () => {
    const ours = sideEffectsFilter(CORE_DIR, CORE_SIDE_EFFECTS)!;
    const vite = viteHasSideEffects(CORE_DIR, CORE_SIDE_EFFECTS);
    for (const id of [...CORE_IDS, '/elsewhere/dist/index.js', `${CORE_DIR}/dist/index.js?v=1`, `\0${CORE_DIR}/dist/index.js`])
      expect([id, ours(id)]).toEqual([id, vite(id)]);
    expect(CORE_IDS.filter(ours).length).toBeGreaterThan(3);
  });

  it('matches a bare file name in any folder of the package, as Vite does', () => {
    const dir = '/pkg';
    const globs = ['polyfill.js', './src/*.css'];
    const ours = sideEffectsFilter(dir, globs)!;
    const vite = viteHasSideEffects(dir, globs);
    for (const id of ['/pkg/polyfill.js', '/pkg/a/b/polyfill.js', '/pkg/src/x.css', '/pkg/src/a/x.css', '/pkg/x.css', '/other/polyfill.js'])
      expect([id, ours(id)]).toEqual([id, vite(id)]);
    expect(ours('/pkg/a/b/polyfill.js')).toBe(true);
  });

  it('leaves booleans, empty lists, absent fields and lists with non-strings to Vite', () => {
    for (const value of [true, false, [], undefined, null, 'a.js', ['a.js', 3]]) expect(sideEffectsFilter('/pkg', value)).toBeUndefined();
  });
});

describe('fasterSideEffects plugin', () => {
  const configResolved = (cache: unknown) => {
    const hook = fasterSideEffects().configResolved as (config: unknown) => void;
    hook({ packageCache: cache });
  };
  const pkg = (sideEffects: unknown): PackageData => ({ dir: '/pkg', data: { sideEffects }, hasSideEffects: () => null });

  it('gives a glob filter to packages already cached and to those cached later', () => {
    const before = pkg(['a.js']);
    const cache = new Map([['before', before]]);
    configResolved(cache);
    const later = pkg(['b.js']);
    cache.set('later', later);
    expect(before.hasSideEffects('/pkg/x/a.js')).toBe(true);
    expect(later.hasSideEffects('/pkg/b.js')).toBe(true);
    expect(later.hasSideEffects('/pkg/a.js')).toBe(false);
    expect(cache.get('later')).toBe(later);
  });

  it("keeps Vite's answer for a package whose field is not a list of globs", () => {
    const cache = new Map<string, PackageData>();
    configResolved(cache);
    const flagged = pkg(false);
    const original = flagged.hasSideEffects;
    cache.set('flagged', flagged);
    expect(flagged.hasSideEffects).toBe(original);
  });

  it("still stores through the cache's own set (Vite's package.json watcher wraps it)", () => {
    const cache = new Map<string, PackageData>();
    const stored: string[] = [];
    const own = cache.set.bind(cache);
    cache.set = (key, value) => {
      stored.push(key);
      return own(key, value);
    };
    configResolved(cache);
    cache.set('a', pkg(['a.js']));
    expect(stored).toEqual(['a']);
    expect(cache.has('a')).toBe(true);
  });

  it("reaches the package cache of Vite's real resolved config", async () => {
    const config = await resolveConfig({ configFile: false, logLevel: 'silent', plugins: [fasterSideEffects()] }, 'build');
    const cache = (config as unknown as { packageCache: unknown }).packageCache;
    expect(cache).toBeInstanceOf(Map);
    const later = pkg(['late.js']);
    (cache as Map<string, PackageData>).set('later', later);
    expect(later.hasSideEffects('/pkg/late.js')).toBe(true);
  });

  it('keeps a package whose globs picomatch refuses, with its own filter', () => {
    const cache = new Map<string, PackageData>();
    configResolved(cache);
    const huge = pkg(['x'.repeat(70_000)]);
    const original = huge.hasSideEffects;
    cache.set('huge', huge);
    expect(huge.hasSideEffects).toBe(original);
    expect(cache.get('huge')).toBe(huge);
  });

  it('does nothing when the config has no package cache', () => {
    expect(() => configResolved(undefined)).not.toThrow();
  });
});
