/**
 * Where a text lab's time goes while it writes to the page (issue 12, goal 2): one Chromium
 * trace and one JS CPU profile of the widget writing `--len` characters, on the built site
 * (`npx astro build` first):
 *   npx tsx scripts/bench/profile-stream.ts [--lab=textlab|gptlab] [--len=2000] [--top=25]
 * Prints the wall time, the CPU time of every busy thread in the browser during the run (the
 * page's main thread, the generation worker, any other worker, the compositor, the GPU process),
 * the renderer main thread's busy time split by trace event (script, style, layout, paint…), the
 * idle rest (waiting for frames), and the JS functions with the most self time. Run 0 fills the
 * HTTP cache; run 1 is the one profiled. `--js=0` leaves out the JS profile (its sampling costs
 * the main thread CPU of its own), for the CPU table alone.
 */
import { chromium } from 'playwright';
import { servePreview } from './serve';
import { pageMainThread, topSelfTimes, type CpuProfile, type TraceEvent } from './cpu-profile';
import { clickGenerate, type Generation } from './click-generate';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const LAB = arg('lab', 'textlab');
const LEN = Number(arg('len', '2000'));
const TOP = Number(arg('top', '25'));
const JS_PROFILE = arg('js', '1') !== '0';
const url = LAB === 'gptlab' ? `/appendix-a/#gpt.len=${LEN}` : `/chapter-05/#tg.len=${LEN}`;

/** Trace events summed on the renderer main thread (durations include children). */
const PHASES = [
  'RunTask',
  'FireAnimationFrame',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'ScheduleStyleRecalculation',
  'InvalidateLayout',
];

const server = await servePreview(undefined, 180);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  const run = async (): Promise<Generation> => {
    const got = await clickGenerate(page, `.${LAB}`);
    if (typeof got === 'string') throw new Error(got);
    return got;
  };
  const open = async () => {
    await page.goto('about:blank');
    await page.goto(server.url + url);
    const lab = page.locator(`.${LAB}`);
    await lab.scrollIntoViewIfNeeded();
    await lab.locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached' });
  };
  await open();
  await run();
  await open();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  if (JS_PROFILE) await cdp.send('Profiler.start');
  const { firstMs, totalMs } = await run();
  const { profile } = JS_PROFILE
    ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile })
    : { profile: { nodes: [], samples: [], timeDeltas: [] } as CpuProfile };
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const chars = Number(await page.locator(`.${LAB}`).getAttribute('data-chars'));

  const events = trace.traceEvents;
  const onMain = pageMainThread(events);
  const t0 = Math.min(...onMain.filter((e) => e.name === 'FunctionCall' || e.name === 'EventDispatch').map((e) => e.ts));
  const window = onMain.filter((e) => e.ts >= t0 && e.ts <= t0 + totalMs * 1000);
  const sum = (name: string) => window.filter((e) => e.name === name).reduce((s, e) => s + e.dur, 0) / 1000;
  const count = (name: string) => window.filter((e) => e.name === name).length;
  const cpuOf = (name: string) => window.filter((e) => e.name === name).reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000;
  console.log(
    `${LAB}: ${chars} characters in ${totalMs.toFixed(0)} ms (first after ${firstMs.toFixed(0)} ms): ${((chars / (totalMs - firstMs)) * 1000).toFixed(0)} chars/s`,
  );
  // CPU per thread over the run: every task's thread time, all processes (the page's workers, the
  // compositor and the GPU process compete with the generation worker for the same cores).
  const names = new Map<string, string>();
  for (const e of events)
    if (e.name === 'thread_name' || e.name === 'process_name') names.set(e.name === 'thread_name' ? `${e.pid}/${e.tid}` : `${e.pid}`, e.args?.name ?? '?');
  const cpu = new Map<string, { cpu: number; wall: number; tasks: number }>();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.ts < t0 || e.ts > t0 + totalMs * 1000) continue;
    const key = `${e.pid}/${e.tid}`;
    const c = cpu.get(key) ?? { cpu: 0, wall: 0, tasks: 0 };
    c.cpu += (e.tdur ?? 0) / 1000;
    c.wall += (e.dur ?? 0) / 1000;
    c.tasks++;
    cpu.set(key, c);
  }
  const threads = [...cpu].filter(([, c]) => c.cpu >= 5).sort((a, b) => b[1].cpu - a[1].cpu);
  console.table(
    threads.map(([key, c]) => ({
      thread: `${names.get(key.split('/')[0]) ?? '?'} ${names.get(key) ?? key}`,
      'CPU ms': c.cpu.toFixed(0),
      'busy ms': c.wall.toFixed(0),
      tasks: c.tasks,
      'µs CPU per char': ((1000 * c.cpu) / chars).toFixed(0),
    })),
  );
  const allCpu = [...cpu.values()].reduce((s, c) => s + c.cpu, 0);
  console.log(`all threads: ${allCpu.toFixed(0)} ms CPU in ${totalMs.toFixed(0)} ms (${(allCpu / totalMs).toFixed(2)} cores busy on average)`);
  const busy = sum('RunTask');
  console.table(
    PHASES.map((name) => ({
      event: name,
      ms: sum(name).toFixed(1),
      'CPU ms': cpuOf(name).toFixed(1),
      count: count(name),
      'of wall': `${((100 * sum(name)) / totalMs).toFixed(1)} %`,
    })),
  );
  console.log(`main thread busy ${busy.toFixed(0)} ms of ${totalMs.toFixed(0)} ms; idle ${(totalMs - busy).toFixed(0)} ms`);

  // JS self time per function, from the sampling profile (empty with --js=0).
  if (JS_PROFILE) console.table(topSelfTimes(profile, TOP));
} finally {
  await browser.close();
  server.stop();
}
