import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagramCache, diagramKey, scopeIds } from '../../../../src/lib/markdown/mermaid/cache';

describe('diagramKey', () => {
  const src = 'flowchart LR\n  A --> B';
  it('is stable for the same source, theme and version', () => {
    expect(diagramKey(src, 'light', '11.0.0')).toBe(diagramKey(src, 'light', '11.0.0'));
  });
  it('changes with the source', () => {
    expect(diagramKey(src, 'light', '11.0.0')).not.toBe(diagramKey(`${src} --> C`, 'light', '11.0.0'));
  });
  it('changes with the theme', () => {
    expect(diagramKey(src, 'light', '11.0.0')).not.toBe(diagramKey(src, 'dark', '11.0.0'));
  });
  it('changes with the mermaid version', () => {
    expect(diagramKey(src, 'light', '11.0.0')).not.toBe(diagramKey(src, 'light', '11.0.1'));
  });
});

describe('DiagramCache', () => {
  it('returns what was stored under a key and nothing for an unknown key', () => {
    const cache = new DiagramCache(join(mkdtempSync(join(tmpdir(), 'diagrams-')), 'nested'));
    cache.set('abc', '<svg/>');
    expect(cache.get('abc')?.trim()).toBe('<svg/>');
    expect(cache.get('zzz')).toBeUndefined();
  });
});

describe('scopeIds', () => {
  const svg =
    '<svg id="m-1" aria-labelledby="chart-title-m-1"><title id="chart-title-m-1"/><path id="L_A_B_0" marker-end="url(#L_A_B_0)"/><g id="L_A_B_0"/><use href="#m-1-x"/><g id="m-1-x"/></svg>';
  const out = scopeIds(svg, 'm-1');
  it('prefixes ids mermaid left unscoped', () => {
    expect(out).toContain('id="m-1-L_A_B_0"');
  });
  it('makes repeated ids unique', () => {
    expect(out).toContain('id="m-1-L_A_B_0-2"');
  });
  it('rewrites references to renamed ids', () => {
    expect(out).toContain('url(#m-1-L_A_B_0)');
  });
  it('rewrites aria references to renamed ids', () => {
    expect(out).toContain('aria-labelledby="m-1-chart-title-m-1"');
    expect(out).toContain('<title id="m-1-chart-title-m-1"/>');
  });
  it('leaves already scoped ids and references alone', () => {
    expect(out).toContain('id="m-1"');
    expect(out).toContain('href="#m-1-x"');
  });
});
