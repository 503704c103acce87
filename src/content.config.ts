import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { bookFrontmatter } from './lib/book/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.mdx' }),
    schema: docsSchema({ extend: bookFrontmatter }),
  }),
  // Chinese labels for the Pagefind search UI, which Starlight's zh-CN strings leave in English.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
