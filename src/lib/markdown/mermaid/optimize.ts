/**
 * Shrinks a rendered diagram before it is cached and inlined. Mermaid draws shapes such as the
 * decision diamond as long hand-drawn-style paths with 15-digit coordinates: one diagram was
 * 32 KB gzip, 5.5 KB after this; the <style> block loses rules for elements the diagram lacks.
 * Ids are kept as they are, because the
 * id-scoped CSS and the theme switch rely on them.
 */
import { optimize, type Config } from 'svgo';

export const SVGO_CONFIG: Config = {
  multipass: true,
  floatPrecision: 1,
  plugins: [
    {
      name: 'preset-default',
      params: {
        overrides: {
          cleanupIds: false,
          inlineStyles: false,
          removeUnknownsAndDefaults: false,
          convertShapeToPath: false,
          mergePaths: false,
        },
      },
    },
  ],
};

export function optimizeSvg(svg: string): string {
  return optimize(svg, SVGO_CONFIG).data;
}
