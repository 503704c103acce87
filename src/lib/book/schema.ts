/**
 * Frontmatter every page of the book must carry, on top of Starlight's own `title`.
 * `chapter` 0 is the landing page; `summary` is the one line shown in the chapter list.
 */
import { z } from 'astro/zod';

export const bookFrontmatter = z.object({
  chapter: z.number().int().min(0).max(99),
  summary: z
    .string()
    .trim()
    .min(4)
    .max(80)
    .refine((s) => !/[\r\n]/.test(s), 'summary must be one line'),
});
