/**
 * Each page's one-line `summary` becomes its meta/og description, so search engines and
 * link previews describe the chapter rather than the whole site.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const data = route.entry.data as { summary?: string; description?: string };
  if (!data.summary || data.description) return;
  for (const tag of route.head) {
    const attrs = tag.attrs ?? {};
    if (tag.tag === 'meta' && (attrs.name === 'description' || attrs.property === 'og:description')) {
      attrs.content = data.summary;
    }
  }
});
