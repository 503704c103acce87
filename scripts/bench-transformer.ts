/**
 * npm run bench:transformer [-- --json --threshold=6.3 --max-seconds=60 --batches=3 --gen-seconds=2
 *   --backends=wasm,webgl,cpu --ttq=wasm --widget-runs=2 --batch=cpu:4 --cap-seconds=300]:
 * the §5.2 LSTM and 附录 A's Transformer measured in one run, in headless Chromium on the built
 * site (run `npm run build` first), per backend:
 * - training tokens (target characters) per second, each model with its shipped recipe, except
 *   that --batch gives a slow backend fewer sequences per batch (default cpu:4: TF.js's plain-JS
 *   CPU backend did not finish one 32 × 64 Transformer batch in 13 minutes); the table shows each
 *   row's batch shape. Each backend's setup and each model's speed measurement get --cap-seconds:
 *   past it the browser is restarted and the row says "not finished in N s" (a bound, not a hang);
 * - generation characters/s of the model alone (its incremental stepper: LSTM state, KV cache);
 * - time to quality: each model trained from its seeded start for the same --max-seconds of
 *   training (evaluation excluded) on the --ttq backends: when its cross-entropy on the first 64
 *   held-out windows first reaches --threshold nats, and which ends lower (the fair comparison);
 * - the generation widget of 附录 A (`.gptlab`, 生成, #gpt.len=2000) streaming to the page:
 *   characters/s and ms to the first character with the checkpoint cached (the §5.2 text lab
 *   the same way, for reference); "widget not found" when the page has none yet;
 * - the shipped checkpoint's size.
 * Targets (shown as met / NOT MET): generation ≥ 300 characters/s in the widget on wasm; first
 * character < 1 s; checkpoint ≤ 2 MB; each widget at ≥ 50 % of its model alone on the widget's
 * backend, in this run (the ratio table; issue 12). A benchmark: it prints figures and exits 0 either way.
 * Defaults take about 10 minutes on a quiet 2-core machine; --max-seconds bounds the longest part.
 */
import { readFileSync, statSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright';
import { servePreview } from './bench/serve';
import { clickGenerate } from './bench/click-generate';
import { builtWasmPaths } from './bench/wasm-paths';
import { TANG_GPT } from '../src/lib/transformer/config';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const THRESHOLD = Number(arg('threshold', '6.3'));
const MAX_SECONDS = Number(arg('max-seconds', '60'));
const BATCHES = Number(arg('batches', '3'));
const GEN_SECONDS = Number(arg('gen-seconds', '2'));
const BACKENDS = arg('backends', 'wasm,webgl,cpu').split(',');
/** Sequences per training batch on a backend, "cpu:4,webgl:16"; a backend not named uses each model's recipe. */
const BATCH_BY_BACKEND = new Map(
  arg('batch', 'cpu:4')
    .split(',')
    .filter((p) => p.includes(':'))
    .map((p) => [p.split(':')[0], Number(p.split(':')[1])] as const)
    .filter(([, n]) => Number.isInteger(n) && n > 0),
);
const CAP_SECONDS = Number(arg('cap-seconds', '300'));
const TTQ_BACKENDS = arg('ttq', 'wasm').split(',');
const WIDGET_RUNS = Number(arg('widget-runs', '2'));
const JSON_OUT = process.argv.includes('--json');
const log = (s: string) => void (JSON_OUT ? process.stderr : process.stdout).write(`${s}\n`);
const MODELS = ['lstm', 'transformer'] as const;
const f = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '—');
/** A rate with one decimal under 10 (a slow backend's 0.4 chars/s is not "0"). */
const small = (v: unknown) => f(v, typeof v === 'number' && v < 10 ? 1 : 0);

const wasmPaths = builtWasmPaths();
const bundle = await build({
  entryPoints: ['scripts/bench/transformer-page.ts'],
  bundle: true,
  format: 'iife',
  globalName: 'gptBench',
  platform: 'browser',
  write: false,
  logLevel: 'error',
});
const corpus = readFileSync('public/corpora/poetry.txt', 'utf8');
const lstmMeta = JSON.parse(readFileSync('public/models/poetry/meta.json', 'utf8')) as { vocab: string[]; seqLen: number; seed: number };
const meta = { vocab: lstmMeta.vocab, seqLen: lstmMeta.seqLen, seed: lstmMeta.seed };
/** What a reader downloads for the Transformer: the shipped checkpoint's three files, bytes. */
const CHECKPOINT_FILES = ['model.json', 'weights.bin', 'meta.json'];
const checkpointBytes = CHECKPOINT_FILES.reduce((s, f) => s + statSync(`dist/models/transformer/${f}`).size, 0);

type Bench = typeof import('./bench/transformer-page');
declare const gptBench: Bench;
type Widget = { found: false; note: string } | { found: true; firstCharMs: number; charsPerSecond: number; chars: number; backend: string };

/**
 * A generation widget on `path` (hash included) whose root matches `root`: clicks its 生成 button
 * and watches data-chars / data-generating, `runs` times after one run that fills the HTTP cache.
 * The median first-character time and the slowest streaming rate are reported.
 */
async function widget(page: Page, url: string, root: string, runs: number): Promise<Widget> {
  if (runs < 1) return { found: false, note: 'not measured (--widget-runs=0)' };
  const samples: { ms: number; rate: number; chars: number; backend: string }[] = [];
  for (let run = 0; run <= runs; run++) {
    await page.goto('about:blank');
    await page.goto(url);
    const lab = page.locator(root).first();
    if ((await lab.count()) === 0) return { found: false, note: `widget not found (no ${root} on the page)` };
    await lab.scrollIntoViewIfNeeded();
    await lab.locator('xpath=ancestor::astro-island[not(@ssr)]').waitFor({ state: 'attached', timeout: 60_000 });
    const got = await clickGenerate(page, root);
    if (typeof got === 'string') return { found: false, note: got };
    const { firstMs: ms, totalMs, chars, backend } = got;
    if (run > 0) samples.push({ ms, rate: chars / Math.max(1e-3, (totalMs - ms) / 1000), chars, backend });
  }
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const slowest = samples.reduce((a, b) => (b.rate < a.rate ? b : a));
  return { found: true, firstCharMs: ms[Math.floor(ms.length / 2)], charsPerSecond: slowest.rate, chars: slowest.chars, backend: slowest.backend };
}

// A loaded machine can take well over servePreview's default 30 s to start astro preview.
const server = await servePreview(undefined, 180);
/** A browser we can kill outright (browserServer.kill): a renderer blocked in a kernel does not answer a polite close. */
async function launch() {
  const server = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  return { server, browser: await chromium.connect(server.wsEndpoint()) };
}
let launched = await launch();
let browser = launched.browser;
try {
  // The site's CSP allows only its own inline scripts; the injected benchmark bundle is not one of them.
  let context = await browser.newContext({ bypassCSP: true });
  let page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  page.setDefaultTimeout(Math.max(600_000, MAX_SECONDS * 4000));

  log('widgets…');
  const widgets = {
    transformer: await widget(page, `${server.url}/appendix-a/#gpt.len=2000`, '.gptlab', WIDGET_RUNS),
    lstm: await widget(page, `${server.url}/chapter-05/#tg.len=2000`, '.textlab', WIDGET_RUNS),
  };

  const rows: Record<string, unknown>[] = [];
  const ttq: Record<string, Awaited<ReturnType<Bench['timeToQuality']>>[]> = {};
  // One failure (a crashed renderer on a loaded machine) is reported in its row; the run goes on in a new page.
  const attempt = async <T>(what: string, run: () => Promise<T>): Promise<T | { failed: string }> => {
    try {
      return await run();
    } catch (e) {
      log(`${what} failed: ${(e as Error).message.split('\n')[0]}`);
      if (page.isClosed()) page = await context.newPage();
      return { failed: (e as Error).message.split('\n')[0] };
    }
  };
  /**
   * `run` against the clock: past CAP_SECONDS the page (blocked in a synchronous kernel, the CPU
   * backend's case) is closed and a fresh one opened, and the caller gets { timedOut } to report.
   */
  const capped = async <T>(what: string, run: () => Promise<T>): Promise<T | { failed: string } | { timedOut: number }> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cap = new Promise<{ timedOut: number }>((resolve) => (timer = setTimeout(() => resolve({ timedOut: CAP_SECONDS }), CAP_SECONDS * 1000)));
    let abandoned = false;
    const done = run().catch((e: Error) => {
      const failed = e.message.split('\n')[0];
      if (!abandoned) log(`${what} failed: ${failed}`);
      return { failed };
    });
    const got = await Promise.race([done, cap]);
    clearTimeout(timer);
    if (typeof got === 'object' && got !== null && 'timedOut' in got) {
      abandoned = true;
      // A new page is not enough: it can share the blocked renderer (and WebGL's GPU process), so the browser is restarted.
      log(`${what}: not finished in ${CAP_SECONDS} s; restarting the browser`);
      await launched.server.kill();
      launched = await launch();
      browser = launched.browser;
      context = await browser.newContext({ bypassCSP: true });
      page = await context.newPage();
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      page.setDefaultTimeout(Math.max(600_000, MAX_SECONDS * 4000));
    } else if (page.isClosed()) page = await context.newPage();
    return got;
  };
  /** A fresh 附录 A page with the benchmark bundle on `backend`: resolves the backend TF.js uses, or why not. */
  const setUp = (backend: string) =>
    capped(`${backend}: setup`, async () => {
      await page.goto('about:blank');
      await page.goto(`${server.url}/appendix-a/`);
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      return page.evaluate(([b, w, c, m]) => gptBench.setup(b, w, c, m).catch((e: Error) => `unavailable: ${e.message}`), [
        backend,
        wasmPaths,
        corpus,
        meta,
      ] as const);
    });
  const why = (r: unknown) =>
    typeof r === 'string'
      ? r
      : typeof r === 'object' && r !== null && 'timedOut' in r
        ? `setup not finished in ${CAP_SECONDS} s`
        : `failed: ${(r as { failed: string }).failed}`;
  for (const backend of BACKENDS) {
    const batch = BATCH_BY_BACKEND.get(backend);
    let used = await setUp(backend);
    if (used !== backend) {
      rows.push({ backend, note: why(used) });
      continue;
    }
    for (const model of MODELS) {
      if (used !== backend) used = await setUp(backend); // the page was closed after a timeout
      if (used !== backend) {
        rows.push({ backend, model, note: why(used) });
        continue;
      }
      log(`${backend}: ${model} speed${batch ? ` (batch of ${batch} sequences)` : ''}…`);
      const s = await capped(`${backend}: ${model} speed`, () =>
        page.evaluate(([m, b, g, n]) => gptBench.speed(m, b, g, n), [model, BATCHES, GEN_SECONDS, batch] as const),
      );
      if ('timedOut' in s) {
        used = 'closed';
        // The bound: the training part alone had (1 + BATCHES) batches to do in CAP_SECONDS less the generation's GEN_SECONDS (64 and 32: the recipes' batches, bench/transformer-page.ts).
        const [sequences, len] = model === 'lstm' ? [batch ?? 64, meta.seqLen] : [batch ?? 32, TANG_GPT.contextLength];
        const tokens = (1 + BATCHES) * sequences * len;
        rows.push({
          backend,
          model,
          note: `not finished in ${CAP_SECONDS} s: 1 warm-up + ${BATCHES} batch${BATCHES === 1 ? '' : 'es'} of ${sequences} × ${len} (${tokens} tokens) then ${GEN_SECONDS} s of generation, so < ${small(tokens / Math.max(1, CAP_SECONDS - GEN_SECONDS))} training tokens/s`,
        });
        continue;
      }
      rows.push('failed' in s ? { backend, model, note: `failed: ${s.failed}` } : { backend, model, ...s });
      if (!('failed' in s))
        log(`  ${f(s.tokensPerSecond)} training tokens/s (batch ${s.batchShape}), ${f(s.generationCharsPerSecond)} generated chars/s (model alone)`);
    }
    if (TTQ_BACKENDS.includes(backend) && used !== backend) used = await setUp(backend);
    if (TTQ_BACKENDS.includes(backend) && used === backend)
      for (const model of MODELS) {
        log(`${backend}: ${model} time to quality (${MAX_SECONDS} s)…`);
        const t = await attempt(`${backend}: ${model} time to quality`, () =>
          page.evaluate(([m, th, sec]) => gptBench.timeToQuality(m, th, sec, 4), [model, THRESHOLD, MAX_SECONDS] as const),
        );
        if ('failed' in t) continue;
        (ttq[backend] ??= []).push(t);
        log(`  loss ${f(t.curve[0][1], 3)} → ${f(t.finalLoss, 3)} nats in ${f(t.seconds, 1)} s of training`);
      }
  }

  const targets = { widgetCharsPerSecondWasm: 300, firstCharMs: 1000, checkpointBytes: 2_000_000 };
  const result = { widgets, rows, ttq, threshold: THRESHOLD, maxSeconds: MAX_SECONDS, checkpointBytes, targets };
  if (JSON_OUT) console.log(JSON.stringify(result, null, 2));
  else report(result);
} finally {
  await browser.close().catch(() => undefined);
  await launched.server.close();
  server.stop();
}

function report(r: {
  widgets: Record<'transformer' | 'lstm', Widget>;
  rows: Record<string, unknown>[];
  ttq: Record<string, Awaited<ReturnType<Bench['timeToQuality']>>[]>;
  checkpointBytes: number;
}) {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  console.table(
    r.rows.map((row) =>
      'note' in row
        ? { backend: row.backend, model: row.model ?? '—', note: row.note }
        : {
            backend: row.backend,
            model: row.model,
            'train tokens/s': small(row.tokensPerSecond),
            'batch (sequences × characters)': row.batchShape,
            'generate chars/s (model alone)': small(row.generationCharsPerSecond),
          },
    ),
  );
  for (const [backend, runs] of Object.entries(r.ttq)) {
    console.table(
      runs.map((t) => ({
        backend,
        model: t.name,
        [`seconds to ≤ ${THRESHOLD} nats`]: t.reachedAt === null ? `not reached in ${f(t.seconds, 0)} s` : f(t.reachedAt, 1),
        [`loss after ${MAX_SECONDS} s`]: f(t.finalLoss, 3),
        'best loss': f(t.bestLoss, 3),
      })),
    );
    const [a, b] = runs;
    if (a && b) {
      const lower = a.finalLoss < b.finalLoss ? a : b;
      log(
        `${backend}, same ${MAX_SECONDS} s of training: the ${lower.name === 'transformer' ? 'Transformer' : 'LSTM'} ends lower (${f(lower.finalLoss, 3)} vs ${f((lower === a ? b : a).finalLoss, 3)} nats); Transformer lower: ${verdict(lower.name === 'transformer')}`,
      );
    }
  }
  log(`time to quality: cross-entropy over the first 64 held-out windows (the LSTM's validation split), evaluation not timed`);
  for (const [name, w] of Object.entries(r.widgets)) {
    const label = name === 'transformer' ? 'Transformer widget (附录 A, .gptlab)' : 'LSTM widget (5.2, .textlab, reference)';
    if (!w.found) {
      log(`${label}: ${w.note}`);
      continue;
    }
    log(
      `${label} on ${w.backend || '?'}: ${f(w.charsPerSecond)} chars/s writing ${w.chars} characters, first character ${f(w.firstCharMs)} ms (checkpoint cached)`,
    );
    if (name === 'transformer') {
      log(
        `  generation ≥ 300 chars/s in the widget on wasm: ${w.backend === 'wasm' ? verdict(w.charsPerSecond >= 300) : `not measured on wasm (${w.backend})`}`,
      );
      log(`  first character < 1000 ms: ${verdict(w.firstCharMs < 1000)}`);
    }
  }
  // Issue 12, goal 2: each widget streams at ≥ 50 % of its own model's speed, same backend, same run.
  const ratios = (['transformer', 'lstm'] as const).flatMap((name) => {
    const w = r.widgets[name];
    const alone = r.rows.find((row) => row.model === name && row.backend === (w.found ? w.backend : ''))?.generationCharsPerSecond;
    if (!w.found || typeof alone !== 'number') return [];
    return [
      {
        model: name,
        backend: w.backend,
        'model alone (chars/s)': f(alone),
        'widget (chars/s)': f(w.charsPerSecond),
        'widget / model': `${f((100 * w.charsPerSecond) / alone)} %`,
        '≥ 50 %': verdict(w.charsPerSecond >= alone / 2),
      },
    ];
  });
  if (ratios.length) console.table(ratios);
  else log('widget / model alone: not measured (no widget, or its backend was not among --backends)');
  if (!r.widgets.transformer.found)
    log('  generation ≥ 300 chars/s in the widget on wasm: NOT MET (no widget); first character < 1000 ms: NOT MET (no widget)');
  log(
    `checkpoint (dist/models/transformer: ${CHECKPOINT_FILES.join(' + ')}): ${r.checkpointBytes.toLocaleString('en-US')} bytes = ${(r.checkpointBytes / 1e6).toFixed(2)} MB; ≤ 2 MB: ${verdict(r.checkpointBytes <= 2_000_000)}`,
  );
}
