/** A tiny markdown → HTML pipeline for plugin tests (the site uses the same plugins via Astro). */
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';

export async function render(
  markdown: string,
  opts: { remark?: PluggableList; rehype?: PluggableList; path?: string; frontmatter?: Record<string, unknown> } = {},
): Promise<string> {
  const file = new VFile({ value: markdown, path: opts.path ?? '/book/content/chapter-04.mdx' });
  if (opts.frontmatter) file.data.astro = { frontmatter: opts.frontmatter };
  const out = await unified()
    .use(remarkParse)
    .use(opts.remark ?? [])
    .use(remarkRehype)
    .use(opts.rehype ?? [])
    .use(rehypeStringify)
    .process(file);
  return String(out);
}
