/**
 * /corpora/book.txt: this book's text, extracted from content/ at build time, as the 本书
 * corpus of the text lab. Fetched only when a reader trains on it.
 */
import type { APIRoute } from 'astro';
import { bookCorpus } from '../../lib/book/text';

const chapters = import.meta.glob<string>('/content/chapter-*.mdx', { query: '?raw', import: 'default', eager: true });

export const GET: APIRoute = () =>
  new Response(
    bookCorpus(
      Object.keys(chapters)
        .sort()
        .map((k) => chapters[k]),
    ),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
