/**
 * Astro integration: after the build, every HTML page in the output gets its Content Security
 * Policy meta (meta.ts). It runs on the final HTML, so it sees every inline script and style
 * whatever put it there: Astro's island loader, Starlight's `is:inline` theme and sidebar
 * scripts, and the `<style>` inside the build-time Mermaid SVGs. List it before the service
 * worker integration, so the worker precaches the pages as shipped.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withPolicyMeta } from './meta';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** The integration; it adds the policy to `astro build` output only (not to `astro dev`). */
export default function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'book:content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        for (const file of files) await writeFile(file, withPolicyMeta(await readFile(file, 'utf8')));
        logger.info(`content-security-policy added to ${files.length} page(s)`);
      },
    },
  };
}
