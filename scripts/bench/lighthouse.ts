/**
 * Lighthouse 12 mobile scores (its default: emulated Moto G, simulated slow 4G) for a few
 * pages served by `astro preview`, in Debian's chromium through chrome-launcher.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { servePreview } from './serve';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number>;
export interface LighthouseRow { page: string; scores: Scores; misses: string[] }

export async function lighthouseScores(pages: string[], port = 4329): Promise<LighthouseRow[]> {
  const server = await servePreview(port);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const rows: LighthouseRow[] = [];
    for (const page of pages) {
      const result = await lighthouse(`http://localhost:${port}${page}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      const lhr = result!.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)])) as Scores;
      // The audits that cost points, so a developer knows what to fix.
      const misses = CATEGORIES.flatMap((c) =>
        lhr.categories[c].auditRefs
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
          .map((ref) => `${c}/${ref.id}: ${lhr.audits[ref.id].title} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`),
      );
      rows.push({ page, scores, misses });
    }
    return rows;
  } finally {
    await chrome.kill();
    server.stop();
  }
}
