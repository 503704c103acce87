/**
 * Where a page's main-thread time goes while it loads (issue 12, goal 4: Lighthouse's total
 * blocking time): one Chromium trace per page of the built site (`npm run build` first), on a
 * phone-sized screen with the CPU slowed down as Lighthouse's mobile preset does:
 *   npx tsx scripts/bench/profile-load.ts [--rate=4] /chapter-04/ [/chapter-09/ …]
 * Prints, per page, the renderer main thread's busy time by trace event (durations include their
 * children), the scripts its script events came from, and every long task (> 50 ms) with the
 * events inside it, plus the sum of their excess over 50 ms: the observed counterpart of total
 * blocking time (Lighthouse simulates its own from these tasks, so the two differ; compare pages
 * or builds within one run, never across runs). Waits 1.5 s after the network is idle so idle
 * callbacks (Starlight's table of contents, Pagefind) are counted.
 */
import { chromium } from 'playwright';
import { servePreview } from './serve';
import { pageMainThread, type CompleteEvent, type TraceEvent } from './cpu-profile';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RATE = Number(arg('rate', '4'));
const PAGES = process.argv.slice(2).filter((a) => !a.startsWith('--'));
/** Lighthouse counts a task's time past 50 ms as blocking. */
const LONG_MS = 50;
const SCRIPT_EVENTS = new Set(['FunctionCall', 'FireIdleCallback', 'EvaluateScript', 'v8.evaluateModule', 'TimerFire', 'EventDispatch']);

type Complete = CompleteEvent & { args?: { data?: { url?: string; functionName?: string; type?: string } } };

const sumBy = (events: Complete[], key: (e: Complete) => string) => {
  const sums = new Map<string, number>();
  for (const e of events) sums.set(key(e), (sums.get(key(e)) ?? 0) + e.dur / 1000);
  return [...sums].sort((a, b) => b[1] - a[1]);
};
const ms = (n: number) => n.toFixed(0);

function report(page: string, events: Complete[]) {
  const tasks = events.filter((e) => e.name === 'RunTask');
  const inner = events.filter((e) => e.name !== 'RunTask');
  const long = tasks.filter((t) => t.dur / 1000 > LONG_MS);
  const blocking = long.reduce((s, t) => s + t.dur / 1000 - LONG_MS, 0);
  const busy = tasks.reduce((s, t) => s + t.dur / 1000, 0);
  console.log(`\n${page}: main thread busy ${ms(busy)} ms at ${RATE}× slowdown; ${long.length} long tasks, ${ms(blocking)} ms past ${LONG_MS} ms`);
  console.table(
    sumBy(inner, (e) => e.name)
      .slice(0, 12)
      .map(([event, t]) => ({ event, ms: ms(t) })),
  );
  const scripts = inner.filter((e) => SCRIPT_EVENTS.has(e.name));
  const source = (e: Complete) => `${e.name} ${e.args?.data?.url?.split('/').pop() || e.args?.data?.type || ''}`.trim();
  console.table(
    sumBy(scripts, source)
      .slice(0, 8)
      .map(([script, t]) => ({ script, ms: ms(t) })),
  );
  console.table(
    long.map((t) => {
      const within = inner.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur);
      return {
        'at ms': ms((t.ts - tasks[0].ts) / 1000),
        'task ms': ms(t.dur / 1000),
        inside: sumBy(within, (e) => e.name)
          .slice(0, 4)
          .map(([n, d]) => `${n} ${ms(d)}`)
          .join(', '),
      };
    }),
  );
}

const server = await servePreview();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const path of PAGES.length ? PAGES : ['/chapter-04/']) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    report(
      path,
      pageMainThread(trace.traceEvents).filter((e): e is Complete => e.dur > 0),
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
