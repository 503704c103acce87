/**
 * A Vite plugin for the build's speed only (issue 12: warm build ≤ 30 s): it rewrites the
 * server build's `noExternal` package patterns from strings to regular expressions. Vite 6's
 * filter compiles a string pattern with picomatch again on every test, and it tests every bare
 * import the server build resolves against every pattern (Astro's own "astro", "@fontsource/*",
 * each framework package it finds), which a CPU profile of `astro build` put at ~4 % of the
 * build. A RegExp is used as is. The patterns match exactly what picomatch matched: a package
 * name, with `*` standing for one path segment; the unit test holds the two side by side.
 */
import type { Plugin } from 'vite';

/** Package names and single `*`s only; anything else (`**`, `?`, braces, classes) stays a glob. */
const SIMPLE = /^[\w@./-]+(?:\*[\w@./-]*)*$/;

/**
 * `@fontsource/*` → /^@fontsource\/[^/]*$/; a plain name matches only itself. A pattern using
 * any other glob syntax is returned unchanged, still a string, for picomatch.
 */
export function patternToRegExp(pattern: string): RegExp | string {
  if (!SIMPLE.test(pattern) || pattern.includes('**')) return pattern;
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${body}$`);
}

type NoExternal = string | RegExp | (string | RegExp)[] | true | undefined;

/** The same setting with every string pattern a RegExp; `true` and RegExps unchanged. */
export function noExternalAsRegExps<T extends NoExternal>(value: T): T {
  if (typeof value === 'string') return patternToRegExp(value) as T;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? patternToRegExp(v) : v)) as T;
  return value;
}

/** The plugin; last (`enforce: 'post'`), so it sees the patterns Astro and the integrations added. */
export function fasterNoExternal(): Plugin {
  return {
    name: 'book:faster-no-external',
    enforce: 'post',
    config(config) {
      if (config.ssr) config.ssr.noExternal = noExternalAsRegExps(config.ssr.noExternal);
    },
    configEnvironment(_name, config) {
      if (config.resolve) config.resolve.noExternal = noExternalAsRegExps(config.resolve.noExternal);
    },
  };
}
