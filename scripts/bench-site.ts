/**
 * npm run bench:site [-- --json] [-- --no-build] [-- --no-lighthouse]
 * Build wall time (cold then warm), per-page gzip weights, Lighthouse mobile scores.
 * A benchmark: it reports against the targets and exits 0 whether or not they are met.
 */
import { existsSync } from 'node:fs';
import { timedBuild } from './bench/build';
import { pageWeights } from './bench/weights';
import { CATEGORIES, lighthouseScores } from './bench/lighthouse';

const args = new Set(process.argv.slice(2));
const TARGET = { jsGz: 15 * 1024, warmBuildS: 30, lighthouse: 100 };
const LIGHTHOUSE_PAGES = ['/', '/chapter-04/', '/chapter-09/'];

const build = args.has('--no-build') ? undefined : { firstS: timedBuild(), warmS: timedBuild() };
if (!existsSync('dist')) throw new Error('dist/ is missing: run without --no-build, or `npm run build` first');
const pages = pageWeights('dist');
const lighthouse = args.has('--no-lighthouse') ? [] : await lighthouseScores(LIGHTHOUSE_PAGES);

const targets = {
  warmBuild: build ? build.warmS <= TARGET.warmBuildS : null,
  jsOnEveryPage: pages.every((p) => p.jsGz <= TARGET.jsGz),
  lighthouseAll100: lighthouse.length ? lighthouse.every((r) => CATEGORIES.every((c) => r.scores[c] >= TARGET.lighthouse)) : null,
};

if (args.has('--json')) {
  console.log(JSON.stringify({ build, pages, lighthouse, targets }, null, 2));
} else {
  const kb = (n: number) => (n / 1024).toFixed(1);
  if (build) console.log(`Build wall time: first ${build.firstS.toFixed(1)} s, warm ${build.warmS.toFixed(1)} s (target ≤ ${TARGET.warmBuildS} s)\n`);
  console.table(pages.map((p) => ({ page: p.page, 'html KB gz': kb(p.htmlGz), 'css KB gz': kb(p.cssGz), 'js KB gz': kb(p.jsGz), 'js ≤ 15 KB': p.jsGz <= TARGET.jsGz ? 'yes' : 'NO' })));
  if (lighthouse.length) {
    console.log('\nLighthouse 12 (mobile)');
    console.table(lighthouse.map((r) => ({ page: r.page, ...r.scores })));
    for (const r of lighthouse) for (const m of r.misses) console.log(`  ${r.page} ${m}`);
  }
  console.log('\nTargets:', Object.entries(targets).map(([k, v]) => `${k}=${v === null ? 'not measured' : v ? 'met' : 'MISSED'}`).join(', '));
}
