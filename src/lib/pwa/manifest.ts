/**
 * The web app manifest that makes the book installable. URLs are relative to the manifest, which
 * sits at the site's base, so the same manifest works at `/` and under a base path (`/book/`).
 * Icons: public/icons/, drawn from the favicon by scripts/pwa-icons.ts.
 */

/** The book's brand blue, from public/favicon.svg. */
export const THEME_COLOR = '#3b4fd8';

/** The manifest's fields, in the shape vite-plugin-pwa's `manifest` option takes. */
export function webAppManifest(name: string, description: string) {
  return {
    name,
    short_name: '大模型教程',
    description,
    lang: 'zh-CN',
    dir: 'ltr' as const,
    start_url: './',
    scope: './',
    display: 'standalone' as const,
    theme_color: THEME_COLOR,
    background_color: '#ffffff',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
