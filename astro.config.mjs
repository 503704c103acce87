// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkKatexCss from './src/lib/markdown/remark-katex-css';
import remarkMermaid from './src/lib/markdown/remark-mermaid';
import remarkSectionIds from './src/lib/markdown/remark-section-ids';
import rehypeKatexErrors, { katexStrict } from './src/lib/markdown/rehype-katex-errors';
import rehypeEquations from './src/lib/markdown/rehype-equations';
import rehypeParagraphIds from './src/lib/markdown/rehype-paragraph-ids';
import rehypeFormulaBox from './src/lib/markdown/rehype-formula-box';
import { appendixSlugs, chapterSlugs } from './src/lib/book/chapters';
import AstroPWA from '@vite-pwa/astro';
import contentSecurityPolicy from './src/lib/csp/integration';
import { pwaOptions } from './src/lib/pwa/config';
import { previewHeaders } from './src/lib/pwa/isolation';
import { fasterNoExternal } from './src/lib/astro/no-external';
import { labWorkerChunk } from './src/lib/astro/lab-worker-chunk';
import { fasterSideEffects } from './src/lib/astro/side-effects';

const BOOK_TITLE = '大模型：市场定位与技术创新';
const BOOK_DESCRIPTION = '大模型交互教程：逐章阅读，并在页面中亲手运行文中的公式与文本生成示例。';

export default defineConfig({
  // Cross-origin isolation for `astro preview`, so TF.js's wasm backend can run threads.
  server: { headers: previewHeaders(process.env) },
  // Build speed only (issue 12): src/lib/astro/no-external.ts, side-effects.ts; the lab worker built
  // as a chunk of the page build, so TF.js is bundled once for pages and worker: lab-worker-chunk.ts.
  vite: { plugins: [fasterNoExternal(), fasterSideEffects(), labWorkerChunk()] },
  // No hover prefetch (Starlight turns on `prefetchAll`): the offline service worker already stores
  // every page on the reader's first visit (src/lib/pwa/precache.ts), so prefetching fetched pages
  // twice, and its script was ~1 KB gzip of every page's 15 KB page-load budget (issue 12).
  prefetch: false,
  markdown: {
    // Keep the article's punctuation exactly as written (no curly-quote rewriting).
    smartypants: false,
    remarkPlugins: [remarkMath, remarkKatexCss, [remarkMermaid, { cacheDir: './diagrams' }], remarkSectionIds],
    rehypePlugins: [[rehypeKatex, { strict: katexStrict }], rehypeKatexErrors, rehypeEquations, rehypeParagraphIds, rehypeFormulaBox],
  },
  integrations: [
    starlight({
      title: BOOK_TITLE,
      description: BOOK_DESCRIPTION,
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      favicon: '/favicon.svg',
      components: {
        Search: './src/components/Search.astro',
        Head: './src/components/Head.astro',
        MarkdownContent: './src/components/MarkdownContent.astro',
        PageTitle: './src/components/PageTitle.astro',
        ThemeProvider: './src/components/ThemeProvider.astro',
      },
      // Wrap long code lines instead of scrolling: readable on phones, and no unfocusable scroll region.
      expressiveCode: { defaultProps: { wrap: true } },
      sidebar: [
        {
          label: '开始',
          items: [
            { slug: 'index', label: '封面与导读' },
            { link: '/progress/', label: '我的进度' },
            { link: '/assignment/', label: '我的作业' },
            { link: '/assign/', label: '教师 · 布置作业' },
          ],
        },
        { label: '章节', items: chapterSlugs('./content').map((slug) => ({ slug })) },
        // The editors' additions after the article (附录 A, …): not the article's text.
        { label: '拓展', items: appendixSlugs('./content').map((slug) => ({ slug })) },
      ],
      markdown: { processedDirs: ['./content/'] },
      // KaTeX's stylesheet is linked only on pages that typeset formulas: remark-katex-css.ts.
      customCss: ['./src/styles/book.css', './src/styles/print.css'],
      lastUpdated: false,
      pagination: true,
      routeMiddleware: './src/routeData.ts',
    }),
    mdx(),
    svelte(),
    {
      name: 'client-interaction',
      hooks: {
        'astro:config:setup': ({ addClientDirective }) => {
          addClientDirective({ name: 'interaction', entrypoint: './src/lib/astro/client-interaction.ts' });
          addClientDirective({ name: 'near', entrypoint: './src/lib/astro/client-near.ts' });
        },
      },
    },
    // ── Hosting: a strict CSP on every page, then the offline service worker. ──
    // Order matters: both run after the build, and the worker must precache the pages as they
    // ship, with their CSP meta (src/lib/csp/, src/lib/pwa/, src/sw.ts).
    contentSecurityPolicy(),
    AstroPWA(pwaOptions(BOOK_TITLE, BOOK_DESCRIPTION)),
  ],
});
