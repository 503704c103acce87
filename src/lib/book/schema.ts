/**
 * Frontmatter every page of the book must carry, on top of Starlight's own `title`.
 * `chapter` 0 is the landing page, 1–11 the article's chapters, then the editors' appendices,
 * which also carry their letter (`appendix: A`, book/parts.ts); `summary` is the one line shown
 * in the chapter list.
 */
import { z } from 'astro/zod';
import { APPENDIX_LETTER } from './parts';

export const bookFrontmatter = z.object({
  chapter: z.number().int().min(0).max(99),
  appendix: z.string().regex(APPENDIX_LETTER, 'appendix must be one capital letter').optional(),
  summary: z
    .string()
    .trim()
    .min(4)
    .max(80)
    .refine((s) => !/[\r\n]/.test(s), 'summary must be one line'),
});
