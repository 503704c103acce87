/**
 * npm run bench:site [-- options]: build wall time (first, then warm), per-page gzip weights of
 * HTML, CSS and load-time JS, and Lighthouse mobile scores of a few pages, against the targets.
 * A benchmark: it exits 0 whether or not targets are met, non-zero only when something fails.
 *
 *   --json            one JSON object on stdout (use `npm run -s bench:site -- --json`, as npm
 *                     itself prints a banner on stdout otherwise); progress goes to stderr
 *   --no-build        measure the existing dist/ instead of building twice
 *   --no-lighthouse   skip Lighthouse
 *   --runs=N          Lighthouse runs per page, the median (by performance) reported; default 3,
 *                     because one run's performance score can swing by several points with host load
 *   --save-reports[=DIR]  keep each page's Lighthouse JSON (default bench-results/lighthouse)
 */
import { existsSync } from 'node:fs';
import { constants, loadavg } from 'node:os';
import { killAll } from 'chrome-launcher';
import { timedBuild } from './bench/build';
import { lighthouseScores } from './bench/lighthouse';
import { TARGET, textReport, verdict, type BenchResult } from './bench/report';
import { pageWeights } from './bench/weights';

const LIGHTHOUSE_PAGES = ['/', '/chapter-04/', '/chapter-09/'];

function parseArgs(argv: string[]) {
  const o = { json: false, build: true, lighthouse: true, runs: 3, saveDir: undefined as string | undefined };
  for (const a of argv) {
    const [k, v] = a.split(/=(.*)/s);
    if (k === '--json') o.json = true;
    else if (k === '--no-build') o.build = false;
    else if (k === '--no-lighthouse') o.lighthouse = false;
    else if (k === '--runs' && Number(v) >= 1) o.runs = Math.floor(Number(v));
    else if (k === '--save-reports') o.saveDir = v || 'bench-results/lighthouse';
    else throw new Error(`unknown option ${a} (see the comment at the top of scripts/bench-site.ts)`);
  }
  return o;
}

const log = (msg: string) => process.stderr.write(`[bench:site] ${msg}\n`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync('astro.config.mjs')) throw new Error('run from the repository root (no astro.config.ts here)');

  let build: BenchResult['build'] = null;
  if (opts.build) {
    // Twice: the first may be cold (no node_modules/.astro cache), the second is what a developer
    // waits for after an edit.
    log('astro build (1/2)…');
    const first = timedBuild();
    log(`astro build (2/2)… (first took ${first.wallS.toFixed(1)} s, load average ${first.load.toFixed(1)})`);
    const warm = timedBuild();
    build = { firstS: first.wallS, warmS: warm.wallS, firstCpuS: first.cpuS, warmCpuS: warm.cpuS, loadFirst: first.load, loadWarm: warm.load };
  }
  if (!existsSync('dist/index.html')) throw new Error('dist/ has no index.html: build first, or run without --no-build');

  const pages = pageWeights('dist').map((p) => ({ ...p, js_over_target: p.js_gz > TARGET.jsGz }));
  if (!pages.length) throw new Error('no HTML pages in dist/');

  let lighthouse: BenchResult['lighthouse'] = null;
  let lighthouseLoad: number | null = null;
  if (opts.lighthouse) {
    log(`Lighthouse on ${LIGHTHOUSE_PAGES.join(' ')} (${opts.runs} run(s) each)…`);
    lighthouse = await lighthouseScores(LIGHTHOUSE_PAGES, { runs: opts.runs, saveDir: opts.saveDir });
    lighthouseLoad = loadavg()[0];
  }

  const result: BenchResult = { build, pages, lighthouse, lighthouseLoad };
  if (opts.json) console.log(JSON.stringify({ ...result, targets: TARGET, verdict: verdict(result) }, null, 2));
  else console.log(textReport(result));
}

// chrome-launcher starts chromium in its own process group, so a signal to us alone would leave it
// running; kill it, then exit, which also stops the preview server (see bench/serve.ts).
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(sig, () => {
    killAll();
    process.exit(128 + constants.signals[sig]);
  });

main().then(
  // Lighthouse and chrome-launcher can leave handles open; the work is done, so leave now.
  () => process.exit(0),
  (err) => {
    console.error(`bench:site failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    process.exit(1);
  },
);
