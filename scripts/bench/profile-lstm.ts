/**
 * Per-kernel time of one §5.2 training batch (64 × 40, vocabulary of the poetry corpus) on
 * TF.js's wasm backend in Node (one thread), by tf.profile. tsx cannot load tfjs-core's ESM
 * gradients folder, so bundle first:
 *   npx esbuild scripts/bench/profile-lstm.ts --bundle --platform=node --format=esm --outfile=/tmp/profile.mjs \
 *     --banner:js="import {createRequire} from 'module'; const require = createRequire(import.meta.url); const __dirname='/tmp';"
 *   node /tmp/profile.mjs [--batches=2] [--path=layers|fused] [--matmul] [--detail]
 * --path=fused trains with step.ts, --matmul registers the transpose-first BatchMatMul,
 * --detail lists the 20 slowest kernel calls with their shapes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { readFileSync } from 'node:fs';
import { buildModel, DEFAULT_SIZES } from '../../src/lib/textgen/model';
import { fusedStep } from '../../src/lib/textgen/step';
import { registerWasmKernels } from '../../src/lib/textgen/wasm-kernels';
import { registerWasmMatMul } from '../../src/lib/textgen/wasm-matmul';
import { buildVocab, encode, MAX_VOCAB } from '../../src/lib/textgen/vocab';
import { gatherBatch, makeWindows } from '../../src/lib/textgen/windows';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
setWasmPaths(process.cwd() + '/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
await tf.setBackend('wasm');
registerWasmKernels();
if (process.argv.includes('--matmul')) registerWasmMatMul();
const corpus = readFileSync('public/corpora/poetry.txt', 'utf8');
const { vocab } = buildVocab(corpus, MAX_VOCAB);
const { ids } = encode(vocab, corpus);
const V = vocab.chars.length;
const split = makeWindows(ids.length, 40, 1);
const model = buildModel({ vocabSize: V, ...DEFAULT_SIZES }, 1);
const batch = (b: number) => {
  const { x, y } = gatherBatch(ids, split.train.slice(b * 64, b * 64 + 64), 40);
  return { x: tf.tensor2d(x, [64, 40], 'int32'), y: tf.tensor3d(Float32Array.from(y), [64, 40, 1]) };
};
const step = async (b: number) => {
  const { x, y } = batch(b);
  const targets = tf.reshape(tf.cast(y, 'int32'), [-1]) as tf.Tensor1D;
  const loss = arg('path', 'layers') === 'fused' ? await fusedStep(model, x, targets) : Number(await model.trainOnBatch(x, y));
  tf.dispose([x, y, targets]);
  return loss;
};
await step(0);
const t0 = performance.now();
const N = Number(arg('batches', '2'));
for (let b = 1; b <= N; b++) await step(b);
console.log(`V=${V} ${((performance.now() - t0) / N).toFixed(0)} ms/batch (unprofiled)`);
const info = await tf.profile(() => step(N + 1));
const byName = new Map<string, { ms: number; n: number }>();
for (const k of info.kernels) {
  const e = byName.get(k.name) ?? { ms: 0, n: 0 };
  e.ms += Number(k.kernelTimeMs);
  e.n++;
  byName.set(k.name, e);
}
const total = [...byName.values()].reduce((s, e) => s + e.ms, 0);
console.log(`kernels ${info.kernels.length}, kernel ms total ${total.toFixed(0)}`);
console.table(
  [...byName]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 25)
    .map(([name, e]) => ({ name, calls: e.n, ms: e.ms.toFixed(1) })),
);
if (process.argv.includes('--detail'))
  console.table(
    [...info.kernels]
      .sort((a, b) => Number(b.kernelTimeMs) - Number(a.kernelTimeMs))
      .slice(0, 20)
      .map((k) => ({
        name: k.name,
        ms: Number(k.kernelTimeMs).toFixed(1),
        in: k.inputShapes.map((s) => JSON.stringify(s)).join(' '),
        out: k.outputShapes.map((s) => JSON.stringify(s)).join(' '),
      })),
  );
