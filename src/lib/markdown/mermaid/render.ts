/**
 * Renders Mermaid source to SVG in headless Chromium at build time.
 * Readers never download mermaid: only the SVG string leaves this module.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright';

export type DiagramTheme = 'light' | 'dark';

/** Mermaid theme per site theme. Labels use the site's CJK font stack so widths measured here
 * match what readers see; `padding` leaves slack for a slightly wider fallback font. */
export const MERMAID_CONFIG = {
  light: { theme: 'default' },
  dark: { theme: 'dark' },
  common: {
    startOnLoad: false,
    securityLevel: 'strict',
    fontFamily: '"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif',
    // SVG <text> labels, not HTML in <foreignObject>: nothing to clip if the reader's font is wider.
    htmlLabels: false,
    flowchart: { htmlLabels: false, padding: 16, useMaxWidth: true },
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
  private constructor(private browser: Browser, private page: Page) {}

  static async launch(): Promise<MermaidRenderer> {
    const executablePath = chromiumPath();
    if (!executablePath) {
      throw new MissingChromiumError(
        'Rendering a new or changed Mermaid diagram needs Chromium, and none was found. ' +
          'Install Debian\'s package (`sudo apt-get install -y chromium fonts-noto-cjk`) ' +
          'or set CHROMIUM_PATH, then build again. Unchanged diagrams come from diagrams/ and need no browser.',
      );
    }
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    return new MermaidRenderer(browser, page);
  }

  /** Returns the SVG markup; throws with mermaid's own message on a syntax error. */
  async render(id: string, source: string, theme: DiagramTheme): Promise<string> {
    const config = { ...MERMAID_CONFIG.common, ...MERMAID_CONFIG[theme] };
    return this.page.evaluate(
      async ({ id, source, config }) => {
        const mermaid = (globalThis as any).mermaid;
        mermaid.initialize(config);
        await mermaid.parse(source);
        const { svg } = await mermaid.render(id, source);
        return svg as string;
      },
      { id, source, config },
    );
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
