/**
 * Renders Mermaid source to SVG in headless Chromium at build time.
 * Readers never download mermaid: only the SVG string leaves this module.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import type { Mermaid } from 'mermaid';
// Types only: playwright itself is imported in launch(), on a cache miss, so a build whose
// diagrams all come from diagrams/ never loads it (issue 12: warm build time).
import type { Browser, Page } from 'playwright';

export type DiagramTheme = 'light' | 'dark';

/** Mermaid theme per site theme. Labels use a CJK font stack so widths measured here match what
 * readers see; `padding` leaves slack, and book.css lets a wider fallback font overflow the
 * label box instead of being clipped. (SVG-text labels, `htmlLabels: false`, were tried: mermaid
 * 11 then computes a viewBox too small for the diagram and cuts off its last node.) */
export const MERMAID_CONFIG = {
  light: { theme: 'default' },
  // The dark theme's default edge-label background (#585858) gives light text under 4.5:1 contrast.
  dark: { theme: 'dark', themeVariables: { edgeLabelBackground: '#262626' } },
  common: {
    startOnLoad: false,
    securityLevel: 'strict',
    fontFamily: '"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif',
    flowchart: { padding: 16, useMaxWidth: true },
  },
} as const;

const require = createRequire(import.meta.url);

export const mermaidVersion: string = require('mermaid/package.json').version;

/** Where Chromium is looked for: $CHROMIUM_PATH, then Debian's package. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export class MissingChromiumError extends Error {}

/** One browser page with mermaid loaded; reuse it for every diagram of a build step. */
export class MermaidRenderer {
  private constructor(
    private browser: Browser,
    private page: Page,
  ) {}

  static async launch(): Promise<MermaidRenderer> {
    const executablePath = chromiumPath();
    if (!executablePath) {
      throw new MissingChromiumError(
        'Rendering a new or changed Mermaid diagram needs Chromium, and none was found. ' +
          'Run `npm run setup:browser` (Debian: `sudo apt-get install -y chromium fonts-noto-cjk`) ' +
          'or set CHROMIUM_PATH, then build again. Unchanged diagrams come from diagrams/ and need no browser.',
      );
    }
    const { chromium } = await import('playwright');
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    return new MermaidRenderer(browser, page);
  }

  /** Returns the SVG as well-formed XML; throws with mermaid's own message on a syntax error. */
  async render(id: string, source: string, theme: DiagramTheme): Promise<string> {
    const config = { ...MERMAID_CONFIG.common, ...MERMAID_CONFIG[theme] };
    return this.page.evaluate(
      async ({ id, source, config }) => {
        const mermaid = (globalThis as { mermaid?: Mermaid }).mermaid;
        if (!mermaid) throw new Error('mermaid.min.js did not load in the page');
        mermaid.initialize(config);
        await mermaid.parse(source);
        const { svg } = await mermaid.render(id, source);
        // mermaid serialises label HTML as HTML (`<br>`); re-serialise as XML for the optimiser.
        const doc = new DOMParser().parseFromString(svg, 'text/html');
        return new XMLSerializer().serializeToString(doc.body.querySelector('svg')!);
      },
      { id, source, config },
    );
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
