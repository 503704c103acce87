/**
 * Where the §3.2 training widget's time goes while it trains (issue 12, goal 1): one Chromium
 * trace and one JS CPU profile of `--seconds` of training with Playground's defaults, on the
 * built site (`npm run build` first):
 *   npx tsx scripts/bench/profile-train.ts [--seconds=3] [--top=30]
 * Prints the steps and frames run, the renderer main thread's time split by trace event
 * (animation frames, tasks, style, layout, paint…), and the JS functions with the most self time.
 */
import { chromium } from 'playwright';
import { servePreview } from './serve';
import { pageMainThread, topSelfTimes, type CpuProfile, type TraceEvent } from './cpu-profile';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const SECONDS = Number(arg('seconds', '3'));
const TOP = Number(arg('top', '30'));
/** A stylesheet to try on the page (e.g. containment), injected before the run. */
const CSS = arg('css', '');
const PHASES = ['RunTask', 'FireAnimationFrame', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC'];

const server = await servePreview(undefined, 180);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await (await browser.newContext({ serviceWorkers: 'block', bypassCSP: CSS !== '' })).newPage();
  await page.goto(`${server.url}/chapter-03/`);
  const widget = page.getByRole('region', { name: '动手：观察五步训练循环' });
  await widget.scrollIntoViewIfNeeded();
  await widget.locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached' });
  if (CSS) await page.addStyleTag({ content: CSS });
  await widget.getByRole('button', { name: '单步' }).click();
  await widget.and(page.locator('[data-steps="1"]')).waitFor();
  await widget.getByRole('button', { name: '重置' }).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  await cdp.send('Profiler.start');
  const frames = await page.evaluate(`new Promise((resolve) => {
    let n = 0;
    const end = performance.now() + ${SECONDS * 1000};
    const count = () => { n++; if (performance.now() < end) requestAnimationFrame(count); else resolve(n); };
    requestAnimationFrame(count);
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '运行').click();
  })`);
  await widget.getByRole('button', { name: '暂停' }).click();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const steps = Number(await widget.getAttribute('data-steps'));
  const events = trace.traceEvents;
  const onMain = pageMainThread(events);
  const sum = (name: string) => onMain.filter((e) => e.name === name).reduce((s, e) => s + e.dur, 0) / 1000;
  const count = (name: string) => onMain.filter((e) => e.name === name).length;
  console.log(`${steps} steps (${(steps / SECONDS).toFixed(0)}/s), ${frames} frames (${(Number(frames) / SECONDS).toFixed(0)} fps) in ${SECONDS} s`);
  console.table(
    PHASES.map((name) => ({ event: name, ms: sum(name).toFixed(1), count: count(name), 'of wall': `${((100 * sum(name)) / (SECONDS * 1000)).toFixed(1)} %` })),
  );
  if (process.argv.includes('--layouts'))
    for (const e of onMain.filter((x) => x.name === 'Layout').slice(10, 16)) console.log(JSON.stringify(e.args).slice(0, 600));
  console.table(topSelfTimes(profile, TOP));
} finally {
  await browser.close();
  server.stop();
}
