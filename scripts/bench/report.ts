/** Targets of bench:site, the verdict on them, and the plain-text report. */
import type { LighthouseRow } from './lighthouse';
import { CATEGORIES } from './lighthouse';
import type { PageWeight } from './weights';

export const TARGET = { warmBuildS: 30, jsGz: 15 * 1024, lighthouse: 100 };

export interface BenchResult {
  /** Wall seconds, CPU seconds (null off Linux) and the 1-minute load average at the end of each build. */
  build: { firstS: number; warmS: number; firstCpuS: number | null; warmCpuS: number | null; loadFirst: number; loadWarm: number } | null;
  pages: (PageWeight & { js_over_target: boolean })[];
  lighthouse: LighthouseRow[] | null;
  /** The host's 1-minute load average when Lighthouse finished; null when it did not run. */
  lighthouseLoad?: number | null;
}

/** Each target: true met, false missed, null not measured (skipped by an option). */
export function verdict(r: BenchResult) {
  return {
    warm_build: r.build ? r.build.warmS <= TARGET.warmBuildS : null,
    js_every_page: !r.pages.some((p) => p.js_over_target),
    lighthouse_all_100: r.lighthouse ? r.lighthouse.every((l) => CATEGORIES.every((c) => (l.scores[c] ?? 0) >= TARGET.lighthouse)) : null,
  };
}

/** Left-aligned first column, right-aligned numbers; console.table would add quotes and an index. */
function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i])))
      .join('  ')
      .trimEnd();
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

const kb = (n: number) => (n / 1024).toFixed(1);
const state = (v: boolean | null) => (v === null ? 'not measured' : v ? 'MET' : 'NOT MET');

export function textReport(r: BenchResult): string {
  const out: string[] = [];
  if (r.build) {
    const b = r.build;
    const cpu = (s: number | null) => (s === null ? '' : `, CPU ${s.toFixed(1)} s`);
    out.push(
      `Build wall time: first ${b.firstS.toFixed(1)} s${cpu(b.firstCpuS)} (load ${b.loadFirst.toFixed(1)}), ` +
        `warm ${b.warmS.toFixed(1)} s${cpu(b.warmCpuS)} (load ${b.loadWarm.toFixed(1)}) (target warm ≤ ${TARGET.warmBuildS} s wall)`,
      // CPU seconds can exceed wall seconds (Pagefind, esbuild and the worker builds use other cores);
      // a load average above the core count means other work shared them.
      '',
    );
  }

  out.push(`Page weight, KB gzip (JS target ≤ ${kb(TARGET.jsGz)} KB at load; * = over)`);
  out.push(
    table(
      ['page', 'html_gz', 'css_gz', 'js_gz'],
      r.pages.map((p) => [p.page, kb(p.html_gz), kb(p.css_gz), `${kb(p.js_gz)}${p.js_over_target ? ' *' : '  '}`]),
    ),
  );

  if (r.lighthouse) {
    const bi = r.lighthouse.map((l) => l.benchmarkIndex).join('/');
    const load = r.lighthouseLoad == null ? '' : `, load ${r.lighthouseLoad.toFixed(1)} at the end`;
    out.push('', `Lighthouse 12, mobile, simulated throttling (target 100 each; host benchmarkIndex ${bi}${load})`);
    const runs = r.lighthouse.some((l) => l.performanceRuns.length > 1);
    out.push(
      table(
        ['page', ...CATEGORIES, ...(runs ? ['perf runs'] : [])],
        r.lighthouse.map((l) => [l.page, ...CATEGORIES.map((c) => String(l.scores[c] ?? 'error')), ...(runs ? [l.performanceRuns.join(',')] : [])]),
      ),
    );
    const errored = [...new Set(r.lighthouse.flatMap((l) => l.errored))];
    // Unweighted diagnostics: scores stay valid but their advice is missing. A weighted one would
    // leave its category without a score ("error" above).
    if (errored.length) out.push('', `Audits Lighthouse could not run: ${errored.join(', ')}`);
    for (const l of r.lighthouse) {
      if (!l.misses.length) continue;
      out.push('', `${l.page}: audits that cost points`);
      for (const m of l.misses) out.push(`  ${m.category.padEnd(14)} ${m.id.padEnd(28)} ${m.title}${m.value ? ` (${m.value})` : ''}`);
    }
  }

  const v = verdict(r);
  const worstJs = r.pages.reduce((a, b) => (b.js_gz > a.js_gz ? b : a), r.pages[0]);
  const low = (r.lighthouse ?? []).flatMap((l) =>
    CATEGORIES.filter((c) => (l.scores[c] ?? 0) < TARGET.lighthouse).map((c) => `${l.page} ${c} ${l.scores[c] ?? 'error'}`),
  );
  out.push(
    '',
    `Summary: warm build ≤ ${TARGET.warmBuildS} s: ${state(v.warm_build)}${r.build ? ` (${r.build.warmS.toFixed(1)} s)` : ''}; ` +
      `JS ≤ ${kb(TARGET.jsGz)} KB gzip on every page: ${state(v.js_every_page)} (max ${kb(worstJs.js_gz)} KB, ${worstJs.page}); ` +
      `Lighthouse all 100: ${state(v.lighthouse_all_100)}${low.length ? ` (${low.join(', ')})` : ''}`,
  );
  return out.join('\n');
}
