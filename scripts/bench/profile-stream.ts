/**
 * Where a text lab's time goes while it writes to the page (issue 12, goal 2): one Chromium
 * trace and one JS CPU profile of the widget writing `--len` characters, on the built site
 * (`npx astro build` first):
 *   npx tsx scripts/bench/profile-stream.ts [--lab=textlab|gptlab] [--len=2000] [--top=25]
 * Prints the wall time, the renderer main thread's busy time split by trace event (script,
 * style, layout, paint…), the idle rest (waiting for frames), and the JS functions with the
 * most self time. Run 0 fills the HTTP cache; run 1 is the one profiled.
 */
import { chromium } from 'playwright';
import { servePreview } from './serve';
import { clickGenerate, type Generation } from './click-generate';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const LAB = arg('lab', 'textlab');
const LEN = Number(arg('len', '2000'));
const TOP = Number(arg('top', '25'));
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

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

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
  await cdp.send('Profiler.start');
  const { firstMs, totalMs } = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const chars = Number(await page.locator(`.${LAB}`).getAttribute('data-chars'));

  const events = trace.traceEvents;
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FireAnimationFrame'),
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const t0 = Math.min(...onMain.filter((e) => e.name === 'FunctionCall' || e.name === 'EventDispatch').map((e) => e.ts));
  const window = onMain.filter((e) => e.ts >= t0 && e.ts <= t0 + totalMs * 1000);
  const sum = (name: string) => window.filter((e) => e.name === name).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  const count = (name: string) => window.filter((e) => e.name === name).length;
  console.log(
    `${LAB}: ${chars} characters in ${totalMs.toFixed(0)} ms (first after ${firstMs.toFixed(0)} ms): ${((chars / (totalMs - firstMs)) * 1000).toFixed(0)} chars/s`,
  );
  const busy = sum('RunTask');
  console.table(
    PHASES.map((name) => ({ event: name, ms: sum(name).toFixed(1), count: count(name), 'of wall': `${((100 * sum(name)) / totalMs).toFixed(1)} %` })),
  );
  console.log(`main thread busy ${busy.toFixed(0)} ms of ${totalMs.toFixed(0)} ms; idle ${(totalMs - busy).toFixed(0)} ms`);

  // JS self time per function, from the sampling profile.
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i] / 1000));
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const { functionName, url: file, lineNumber } = n.callFrame;
    const key = `${functionName || '(anonymous)'} ${file.split('/').pop()}:${lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  console.table(
    [...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([fn, ms]) => ({ function: fn, 'self ms': ms.toFixed(1) })),
  );
} finally {
  await browser.close();
  server.stop();
}
