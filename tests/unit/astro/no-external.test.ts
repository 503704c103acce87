import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fasterNoExternal, noExternalAsRegExps, patternToRegExp } from '../../../src/lib/astro/no-external';

// picomatch, the glob library Vite's filter uses (no type declarations of its own).
const picomatch = createRequire(import.meta.url)('picomatch') as (glob: string, options: { dot: boolean }) => (name: string) => boolean;
const NAMES = [
  'astro',
  'astro/components',
  'astro-icon',
  'my-astro',
  '@fontsource/inter',
  '@fontsource/a/b',
  '@fontsource',
  '@astrojs/starlight',
  '@astrojs/starlightx',
  'svelte',
  'svelte2',
  'a.b',
  'axb',
];
// Vite's filter compiles each string this way (createFilter with resolve: false).
const viteMatch = (pattern: string, name: string) => picomatch(pattern, { dot: true })(name);

describe('noExternal patterns as regular expressions (build speed)', () => {
  for (const pattern of ['astro', 'astro/components', '@fontsource/*', '@astrojs/starlight', 'svelte', 'a.b'])
    it(`${pattern} matches exactly the package names picomatch matched`, () => {
      const re = patternToRegExp(pattern);
      expect(re).toBeInstanceOf(RegExp);
      for (const name of NAMES) expect([name, (re as RegExp).test(name)]).toEqual([name, viteMatch(pattern, name)]);
    });

  it('leaves a pattern with other glob syntax to picomatch, as a string', () => {
    for (const pattern of ['@scope/**', 'a?c', '{a,b}', '[ab]c', '!astro']) expect(patternToRegExp(pattern)).toBe(pattern);
  });

  it('rewrites each string of a list and keeps RegExps, true and undefined as they were', () => {
    const re = /^keep$/;
    const out = noExternalAsRegExps(['astro', re]);
    expect(out[1]).toBe(re);
    expect((out[0] as RegExp).test('astro')).toBe(true);
    expect(noExternalAsRegExps(true)).toBe(true);
    expect(noExternalAsRegExps(undefined)).toBeUndefined();
  });

  it('the plugin rewrites the server build’s patterns in both places Vite 6 reads them', () => {
    const plugin = fasterNoExternal();
    const config = { ssr: { noExternal: ['@fontsource/*'] } };
    const env = { resolve: { noExternal: ['astro'] } };
    (plugin.config as (c: unknown) => void)(config);
    (plugin.configEnvironment as (n: string, c: unknown) => void)('ssr', env);
    expect((config.ssr.noExternal[0] as unknown as RegExp).test('@fontsource/inter')).toBe(true);
    expect(env.resolve.noExternal[0]).toBeInstanceOf(RegExp);
  });
});
