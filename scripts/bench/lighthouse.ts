/**
 * Lighthouse 12 scores for a few pages served by `astro preview`, in Debian's chromium through
 * chrome-launcher. No config is passed on purpose: Lighthouse's default is what PageSpeed
 * reports, mobile (emulated Moto G Power) with simulated slow 4G and a 4x CPU slowdown.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { servePreview } from './serve';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** 0-100; null when a weighted audit of the category errored, so Lighthouse gave no score. */
export type Scores = Record<(typeof CATEGORIES)[number], number | null>;
export interface Miss {
  category: string;
  id: string;
  title: string;
  value?: string;
}
export interface LighthouseRow {
  page: string;
  scores: Scores;
  /** Performance score of every run, when several were made; `scores` is the median run's. */
  performanceRuns: (number | null)[];
  /** Lighthouse's CPU speed estimate of this machine (a reference desktop is ~1000-2000). */
  benchmarkIndex: number;
  misses: Miss[];
  /** Audits Lighthouse could not run (e.g. trace gatherers that do not know a newer Chromium). */
  errored: string[];
}

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SKIP_MODES = new Set(['informative', 'notApplicable', 'manual', 'error']);

/** What cost points, so a developer knows what to fix: only for categories under 100. */
function misses(lhr: Result): Miss[] {
  return CATEGORIES.flatMap((c) => {
    const cat = lhr.categories[c];
    if ((cat.score ?? 0) >= 1) return [];
    return cat.auditRefs.flatMap((ref) => {
      const a = lhr.audits[ref.id];
      if (a.score === null || SKIP_MODES.has(a.scoreDisplayMode)) return [];
      // Weighted audits (metrics, a11y/SEO checks) cost points below 1. Unweighted performance
      // opportunities and diagnostics say why a metric is slow; Lighthouse itself flags them below 0.9.
      if (a.score >= (ref.weight > 0 ? 1 : 0.9)) return [];
      return [{ category: c, id: ref.id, title: a.title, value: a.displayValue }];
    });
  });
}

const score = (lhr: Result, c: string) => (lhr.categories[c].score === null ? null : Math.round(lhr.categories[c].score! * 100));

export async function lighthouseScores(pages: string[], opts: { runs?: number; saveDir?: string } = {}): Promise<LighthouseRow[]> {
  const runs = Math.max(1, opts.runs ?? 3);
  const server = await servePreview();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
    const rows: LighthouseRow[] = [];
    for (const page of pages) {
      const lhrs: Result[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${server.url}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${page}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        lhrs.push(lhr);
      }
      // Simulated throttling still scales with how busy the host CPU is; the median run (by
      // performance, as Lighthouse's own docs advise) damps one-off stalls.
      lhrs.sort((a, b) => (score(a, 'performance') ?? -1) - (score(b, 'performance') ?? -1));
      const lhr = lhrs[Math.floor(lhrs.length / 2)];
      if (opts.saveDir) {
        mkdirSync(opts.saveDir, { recursive: true });
        const name = page.replace(/^\/|\/$/g, '').replace(/\W+/g, '-') || 'index';
        writeFileSync(`${opts.saveDir}/${name}.json`, JSON.stringify(lhr));
      }
      rows.push({
        page,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)])) as Scores,
        performanceRuns: lhrs.map((r) => score(r, 'performance')),
        benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
        misses: misses(lhr),
        errored: Object.values(lhr.audits)
          .filter((a) => a.scoreDisplayMode === 'error')
          .map((a) => a.id),
      });
    }
    return rows;
  } finally {
    chrome?.kill();
    server.stop();
  }
}
