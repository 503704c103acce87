import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { webAppManifest } from '../../../src/lib/pwa/manifest';

const manifest = webAppManifest('书名', '简介');

describe('webAppManifest', () => {
  it('uses URLs relative to the manifest, so it works under a base path', () => {
    for (const url of [manifest.start_url, manifest.scope, ...manifest.icons.map((i) => i.src)]) expect(url).not.toMatch(/^\//);
  });

  it('offers 192 px and 512 px icons and a maskable one, as installers require', () => {
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => 'purpose' in i && i.purpose === 'maskable')).toBe(true);
  });

  it('names icon files that exist in public/, at the sizes it states', async () => {
    for (const icon of manifest.icons) {
      const file = `public/${icon.src}`;
      expect(existsSync(file), file).toBe(true);
      const { width, height } = await sharp(file).metadata();
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  });

  it('is in Chinese and opens standalone', () => {
    expect(manifest).toMatchObject({ lang: 'zh-CN', display: 'standalone', name: '书名', description: '简介' });
  });
});
