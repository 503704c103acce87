/**
 * Per-page <head> tweaks, computed from the page's own content:
 * - its one-line `summary` becomes the meta/og description, so search engines and link
 *   previews describe the chapter rather than the whole site;
 * - pages with math preload KaTeX's two main fonts. KaTeX text is hidden until its font
 *   arrives (font-display: block), so without this the first formula paragraph, often the
 *   largest text on screen, paints only after the CSS has been parsed and the fonts fetched.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import mainFont from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?url';
import mathFont from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?url';
import { hasMath } from './lib/book/math';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const data = route.entry.data as { summary?: string; description?: string };
  if (data.summary && !data.description) {
    for (const tag of route.head) {
      const attrs = tag.attrs ?? {};
      if (tag.tag === 'meta' && (attrs.name === 'description' || attrs.property === 'og:description')) {
        attrs.content = data.summary;
      }
    }
  }
  if (hasMath(route.entry.body ?? '')) {
    for (const href of [mainFont, mathFont]) {
      route.head.push({ tag: 'link', attrs: { rel: 'preload', href, as: 'font', type: 'font/woff2', crossorigin: '' } });
    }
  }
});
