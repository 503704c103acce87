import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { servePreview } from '/work/wt-coi/scripts/bench/serve';
import { builtWasmPaths } from '/work/wt-coi/scripts/bench/wasm-paths';
const bundle = await build({ entryPoints: ['scripts/bench/textgen-page.ts'], bundle: true, format: 'iife', globalName: 'textgenBench', platform: 'browser', write: false, logLevel: 'error' });
const corpus = readFileSync('public/corpora/poetry.txt', 'utf8');
const iso = await servePreview();
const plain = await servePreview(undefined, 30, { BOOK_CROSS_ORIGIN_ISOLATION: 'off' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  // The book's CSP forbids inline scripts; the injected benchmark bundle is one.
  const page = await (await browser.newContext({ bypassCSP: true, serviceWorkers: 'block' })).newPage();
  page.on('request', (r) => r.url().includes('.wasm') && console.log('wasm req', r.url()));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() !== 'log' && console.error('console:', m.text()));
  for (const url of [iso.url, plain.url, iso.url, plain.url]) {
    await page.goto('about:blank');
    await page.goto(`${url}/chapter-05/`);
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const used = await page.evaluate(([w, c]) => (globalThis as any).textgenBench.setup('wasm', w, c), [builtWasmPaths(), corpus] as const);
    const th = await page.evaluate(() => (globalThis as any).textgenBench.threading());
    console.log('sab', await page.evaluate(() => [typeof SharedArrayBuffer, navigator.hardwareConcurrency]));
    if (true) continue;
    const mm = await page.evaluate(() => (globalThis as any).textgenBench.matmulGflops());
    const sp = await page.evaluate(() => (globalThis as any).textgenBench.speed(2));
    console.log(url, used, JSON.stringify(th), 'matmul', mm.toFixed(1), JSON.stringify(sp));
  }
} finally { await browser.close(); iso.stop(); plain.stop(); }
