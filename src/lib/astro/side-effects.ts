/**
 * A Vite plugin for the build's speed only (issue 12: warm build ≤ 30 s). For every module it
 * resolves, Vite asks the nearest package.json whether that file has side effects (its
 * `sideEffects` field, as globs). Vite 6 answers with its bundled copy of @rollup/pluginutils'
 * `createFilter`, which compiles each glob with picomatch again on every test: a build of the book
 * compiled ~107,000 globs (tfjs-core alone lists 18; each of its ~880 files is resolved from
 * several importers, in the page, server and worker builds), ~2 s of a ~45 s build by a CPU
 * profile. @rollup/pluginutils 5.5 compiles each glob once; this plugin puts its filter, built
 * from the same field with Vite's own rule, in place of Vite's on every package Vite caches.
 * Same answers (the unit test holds the two side by side), fewer compilations.
 */
import { createFilter } from '@rollup/pluginutils';
import type { Plugin } from 'vite';

/** The parts used here of what Vite caches per package.json (vite/src/node/packages.ts `PackageData`). */
export interface PackageData {
  /** The package's folder, with forward slashes. */
  dir: string;
  data: { sideEffects?: unknown };
  hasSideEffects: (id: string) => boolean | null;
}

/**
 * The `hasSideEffects` Vite would make (vite/src/node/packages.ts `loadPackageData`) for a
 * `sideEffects` array of globs: an entry without a slash matches that name in any folder
 * (`**\/name`), others resolve against the package's folder. Undefined for any other value
 * (`true`, `false`, `[]`, absent, or anything not all strings), where Vite's answer is already
 * cheap or is best left as it is.
 */
export function sideEffectsFilter(dir: string, sideEffects: unknown): ((id: string) => boolean) | undefined {
  if (!Array.isArray(sideEffects) || sideEffects.length === 0 || !sideEffects.every((s) => typeof s === 'string')) return undefined;
  const globs = sideEffects.map((glob: string) => (glob.includes('/') ? glob : `**/${glob}`));
  return createFilter(globs, null, { resolve: dir });
}

/**
 * Swaps in the compile-once filter; each package once. Vite stores packages from inside
 * `try {} catch {}` blocks, so a glob picomatch refuses (it throws only past 65,536 characters)
 * keeps Vite's own filter rather than losing the package.json silently.
 */
function upgrade(pkg: PackageData, done: WeakSet<PackageData>): void {
  if (done.has(pkg)) return;
  done.add(pkg);
  try {
    const filter = sideEffectsFilter(pkg.dir, pkg.data?.sideEffects);
    if (filter) pkg.hasSideEffects = filter;
  } catch {
    // Vite's filter stays.
  }
}

/**
 * The plugin: wraps the resolved config's package cache (`packageCache`, a Map Vite fills as it
 * reads package.json files) so each package it stores gets the compile-once filter. Does nothing
 * if a later Vite has no such cache.
 */
export function fasterSideEffects(): Plugin {
  return {
    name: 'book:faster-side-effects',
    configResolved(config) {
      const cache = (config as unknown as { packageCache?: unknown }).packageCache;
      if (!(cache instanceof Map)) return;
      const packages = cache as Map<string, PackageData>;
      const done = new WeakSet<PackageData>();
      const set = packages.set.bind(packages);
      packages.set = (key, pkg) => {
        upgrade(pkg, done);
        return set(key, pkg);
      };
      packages.forEach((pkg) => upgrade(pkg, done));
    },
  };
}
