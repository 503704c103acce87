/**
 * npm run bench:nn [-- --json]: the neural-network lab in the built site, in headless Chromium.
 * (a) median ms of one forward + backward + update step of the §4.1 network (2-2-1), per backend
 *     (the widgets use the fastest first: NN_BACKEND_ORDER in src/lib/nn/backend.ts);
 * (b) the §3.2 widget with Playground's defaults (circle, 2-4-2-1 tanh, rate 0.03, batch 10,
 *     250 training points, noise 0): median wall time over 5 seeds to training loss < 0.05, and fps.
 * A benchmark: prints figures against targets (≤ 1.1 s, ≥ 30 fps) and exits 0 either way.
 */
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { servePreview } from './bench/serve';

const PORT = 4331;
const SEEDS = [1, 2, 3, 4, 5];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runtime = readdirSync('dist/_astro').find((f) => f.startsWith('tf-runtime.'));
if (!runtime) throw new Error('dist/ has no tf-runtime chunk: run `npm run build` first');

const server = await servePreview(PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(`http://localhost:${PORT}/chapter-04/`);
  const stepMs: { backend: string; ms: number | null; note?: string }[] = [];
  for (const name of ['cpu', 'wasm', 'webgl']) {
    stepMs.push(
      await page.evaluate(
        async ({ url, name }) => {
          // The chunk may hold the runtime as one namespace export among shared TF.js code.
          const mod = await import(url);
          const rt = [mod, ...Object.values(mod)].find((m) => m && typeof m.use === 'function' && typeof m.ready === 'function');
          const choice = await rt.use(name, [name]).catch((e: Error) => ({ name: null, skipped: [e.message] }));
          if (choice.name !== name) return { backend: name, ms: null, note: choice.skipped.join(' ') };
          const spec = { sizes: [2, 2, 1], activation: 'sigmoid', output: 'identity', loss: 'squared' };
          const X = rt.tensor2d([[0.5, -1]]);
          const Y = rt.tensor2d([[1]]);
          let params = rt.network.initParams(spec, 1);
          const opt = rt.optimizers.createOptimizer('sgd', 0.5);
          // performance.now() is coarsened to 0.1 ms here, so time blocks of 20 steps.
          const times: number[] = [];
          for (let block = 0; block < 15; block++) {
            const t0 = performance.now();
            for (let i = 0; i < 20; i++) params = rt.train.trainStep(spec, params, opt, X, Y).params;
            times.push((performance.now() - t0) / 20);
          }
          times.sort((a, b) => a - b);
          return { backend: name, ms: times[7] };
        },
        { url: `/_astro/${runtime}`, name },
      ),
    );
  }

  const runs: { seed: number; seconds: number; fps: number; steps: number }[] = [];
  for (const seed of SEEDS) {
    await page.goto('about:blank'); // a hash-only change would not reload the page
    await page.goto(`http://localhost:${PORT}/chapter-03/#train.seed=${seed}`);
    const widget = page.getByRole('region', { name: '动手：观察五步训练循环' });
    await widget.scrollIntoViewIfNeeded();
    await widget.locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached' });
    await widget.getByRole('button', { name: '单步' }).click(); // load TF.js outside the timed part
    while ((await widget.getAttribute('data-steps')) !== '1') await page.waitForTimeout(50);
    await widget.getByRole('button', { name: '重置' }).click();
    const start = Date.now();
    await widget.getByRole('button', { name: '运行' }).click();
    const fpsSamples: number[] = [];
    let loss = Infinity;
    while (loss >= 0.05 && Date.now() - start < 30_000) {
      await page.waitForTimeout(20);
      loss = Number((await widget.locator('.status').innerText()).match(/训练损失 ([\d.]+)/)?.[1] ?? Infinity);
      fpsSamples.push(Number(await widget.getAttribute('data-fps')));
    }
    const seconds = (Date.now() - start) / 1000;
    await widget.getByRole('button', { name: '暂停' }).click();
    runs.push({ seed, seconds, fps: median(fpsSamples.filter((f) => f > 0)), steps: Number(await widget.getAttribute('data-steps')) });
  }
  const result = {
    step: stepMs,
    training: { runs, medianSeconds: median(runs.map((r) => r.seconds)), medianFps: median(runs.map((r) => r.fps)) },
    targets: { seconds: 1.1, fps: 30 },
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log('(a) one forward+backward+update step of the §4.1 network');
    console.table(result.step.map((s) => ({ backend: s.backend, 'median ms': s.ms === null ? '—' : s.ms.toFixed(3), note: s.note ?? '' })));
    console.log('(b) §3.2 widget, Playground defaults, to training loss < 0.05');
    console.table(runs.map((r) => ({ seed: r.seed, seconds: r.seconds.toFixed(2), steps: r.steps, fps: r.fps })));
    const ok = (b: boolean) => (b ? 'met' : 'MISSED');
    console.log(
      `median ${result.training.medianSeconds.toFixed(2)} s (target ≤ 1.1 s: ${ok(result.training.medianSeconds <= 1.1)}), median ${result.training.medianFps} fps (target ≥ 30: ${ok(result.training.medianFps >= 30)})`,
    );
  }
} finally {
  await browser.close();
  server.stop();
}
