/** Reads content/*.mdx frontmatter for tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

export const CONTENT_DIR = join(process.cwd(), 'content');

export function frontmatterOf(file: string): Record<string, unknown> {
  const text = readFileSync(join(CONTENT_DIR, file), 'utf8');
  const m = text.match(/^---\n([\s\S]*?)\n---\n/);
  if (!m) throw new Error(`${file}: no frontmatter`);
  return yaml.load(m[1]) as Record<string, unknown>;
}

export const contentFiles = () =>
  readdirSync(CONTENT_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
