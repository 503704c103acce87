import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { bookFrontmatter } from './lib/book/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.mdx' }),
    schema: docsSchema({ extend: bookFrontmatter }),
  }),
};
