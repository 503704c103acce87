/**
 * Content-addressed store of rendered diagrams under diagrams/.
 * Key = sha256(source, theme, mermaid version, renderer and SVG-optimiser config), so an unchanged
 * diagram never needs a browser and any change to one of the four re-renders it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MERMAID_CONFIG, mermaidVersion, type DiagramTheme } from './render';
import { SVGO_CONFIG } from './optimize';

export function diagramKey(source: string, theme: DiagramTheme, version = mermaidVersion): string {
  const config = JSON.stringify([MERMAID_CONFIG.common, MERMAID_CONFIG[theme], SVGO_CONFIG]);
  return createHash('sha256').update([source.trim(), theme, version, config].join('\u0000')).digest('hex').slice(0, 16);
}

export class DiagramCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return join(this.dir, `${key}.svg`);
  }

  get(key: string): string | undefined {
    const f = this.file(key);
    return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
  }

  set(key: string, svg: string): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file(key), svg.endsWith('\n') ? svg : `${svg}\n`);
  }
}

/**
 * Mermaid prefixes most ids with the diagram id but not all (edge labels such as `L_A_B_0`).
 * Two diagrams on one page would then share ids, so give every id the prefix and keep each unique.
 */
export function scopeIds(svg: string, prefix: string): string {
  const seen = new Map<string, number>();
  const renamed = new Map<string, string>();
  const out = svg.replace(/\sid="([^"]+)"/g, (_m, id: string) => {
    let next = id.startsWith(prefix) ? id : `${prefix}-${id}`;
    const n = seen.get(next) ?? 0;
    seen.set(next, n + 1);
    if (n > 0) next = `${next}-${n + 1}`;
    if (!renamed.has(id)) renamed.set(id, next);
    return ` id="${next}"`;
  });
  const rename = (id: string) => renamed.get(id) ?? id;
  return out
    .replace(/(url\(#|href="#)([^)"]+)/g, (_m, lead: string, id: string) => `${lead}${rename(id)}`)
    .replace(/(aria-(?:labelledby|describedby)=")([^"]+)"/g, (_m, lead: string, ids: string) => `${lead}${ids.split(/\s+/).map(rename).join(' ')}"`);
}
