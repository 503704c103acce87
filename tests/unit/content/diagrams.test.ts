/**
 * A clean clone must build without a browser, so every diagram in content/ needs both of its
 * renders committed in diagrams/; and nothing stale should pile up there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramKey } from '../../../src/lib/markdown/mermaid/cache';
import { CONTENT_DIR, contentFiles } from '../book/frontmatter';

const DIAGRAM_DIR = join(process.cwd(), 'diagrams');
const fences = contentFiles().flatMap((f) =>
  [...readFileSync(join(CONTENT_DIR, f), 'utf8').matchAll(/^```mermaid[^\n]*\n([\s\S]*?)\n```$/gm)].map((m) => ({ f, src: m[1] })),
);
const expected = fences.flatMap(({ src }) => (['light', 'dark'] as const).map((t) => `${diagramKey(src, t)}.svg`));
const cached = readdirSync(DIAGRAM_DIR).filter((f) => f.endsWith('.svg'));

describe('diagram cache', () => {
  it('the book has at least six diagrams', () => {
    expect(fences.length).toBeGreaterThanOrEqual(6);
  });
  it('holds a light and a dark render of every diagram', () => {
    expect(expected.filter((f) => !cached.includes(f))).toEqual([]);
  });
  it('holds no render that no diagram uses', () => {
    expect(cached.filter((f) => !expected.includes(f))).toEqual([]);
  });
});
