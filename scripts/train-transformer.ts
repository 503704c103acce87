/**
 * npm run train:transformer [-- --epochs=N --minutes=M --max-batches=N --max-chars=N --corpus=FILE --out=DIR --backend=wasm|cpu]:
 * trains 附录 A's Transformer (TANG_GPT) on the 唐诗 corpus in Node with TF.js and a fixed seed,
 * on the §5.2 LSTM's vocabulary and validation split (read from public/models/poetry/meta.json
 * when it matches the corpus), and writes public/models/transformer/{model.json,weights.bin,meta.json}.
 * Training stops after --epochs, or earlier when --minutes (of this process's CPU time, so a machine
 * busy with other work does not cut training short) or --max-batches runs out (time box);
 * the validation loss is reported in nats and bits per character on the LSTM's held-out characters.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { CheckpointMeta } from '../src/lib/textgen/checkpoint';
import { quantizeFloat16 } from '../src/lib/textgen/float16';
import { buildVocab, encode, fromChars, MAX_VOCAB } from '../src/lib/textgen/vocab';
import { registerWasmKernels } from '../src/lib/textgen/wasm-kernels';
import { LSTM_SPLIT, makeWindows } from '../src/lib/textgen/windows';
import { fromArtifacts, toArtifacts, transformerModelJson, type TransformerCheckpointMeta } from '../src/lib/transformer/checkpoint';
import { parameterCount, TANG_GPT } from '../src/lib/transformer/config';
import { transformerData } from '../src/lib/transformer/data';
import { LEARNING_RATE, trainTransformer, validationLoss } from '../src/lib/transformer/train';
import { cloneWeights, disposeWeights, initWeights, type Weights } from '../src/lib/transformer/weights';

const str = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const arg = (name: string, fallback: number) => Number(str(name, String(fallback)));
const EPOCHS = arg('epochs', 20);
const MINUTES = arg('minutes', 55);
const MAX_BATCHES = arg('max-batches', Infinity);
const MAX_CHARS = arg('max-chars', Infinity);
const CORPUS = str('corpus', 'public/corpora/poetry.txt');
const OUT = str('out', 'public/models/transformer');
const LSTM_META = str('lstm', 'public/models/poetry/meta.json');
const BACKEND = str('backend', 'wasm');
const SEED = 1;
const BATCH = 32;

setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
await tf.setBackend(BACKEND);
if (BACKEND === 'wasm') registerWasmKernels();

const raw = readFileSync(CORPUS, 'utf8');
const text = Array.from(raw).slice(0, MAX_CHARS).join('');
const sha256 = createHash('sha256').update(raw).digest('hex');
// The LSTM's vocabulary and split, so both models are scored on the same characters.
const lstm: CheckpointMeta | null = existsSync(LSTM_META) ? JSON.parse(readFileSync(LSTM_META, 'utf8')) : null;
const shared = lstm && lstm.corpus.sha256 === sha256 && !Number.isFinite(MAX_CHARS) ? lstm : null;
const vocab = shared ? fromChars(shared.vocab) : buildVocab(text, MAX_VOCAB).vocab;
const split = { seqLen: shared?.seqLen ?? LSTM_SPLIT.seqLen, seed: shared?.seed ?? LSTM_SPLIT.seed };
const { ids } = encode(vocab, text);
const config = { ...TANG_GPT, vocabSize: vocab.chars.length };
const data = transformerData(ids, makeWindows(ids.length, split.seqLen, split.seed), config.contextLength);
console.log(`corpus ${CORPUS}: ${ids.length} characters, vocabulary ${vocab.chars.length} (${shared ? "the LSTM's" : 'built here: no matching LSTM meta'})`);
console.log(
  `${parameterCount(config)} weights; ${data.train.length} training windows of ${data.trainLen}, ${data.split.val.length} validation windows of ${split.seqLen} (LSTM split, seed ${split.seed}); batch ${BATCH}; backend ${tf.getBackend()}`,
);

const vars = initWeights(config, SEED);
const started = Date.now();
const cpuStart = process.cpuUsage();
/** CPU minutes spent training (user + system): on an idle machine, the wall-clock minutes of a one-core run. */
const minutes = () => {
  const { user, system } = process.cpuUsage(cpuStart);
  return (user + system) / 60e6;
};
let batchesDone = 0;
let batchesPerEpoch = 1;
// Early stopping: the weights of the epoch with the lowest validation loss are the ones written.
const history: { epoch: number; loss: number; valLoss: number; seconds: number }[] = [];
type Best = { valLoss: number; epochs: number; weights: Weights };
let best = null as Best | null; // assigned in a callback, so not narrowed to null
const outcome = await trainTransformer(
  config,
  vars,
  data,
  { epochs: EPOCHS, batchSize: BATCH, seed: SEED, learningRate: LEARNING_RATE },
  {
    onBatchEnd: (b, n, loss) => {
      batchesDone++;
      batchesPerEpoch = n;
      if (b % 50 === 0) console.log(`  batch ${b}/${n}  loss ${loss.toFixed(3)}  ${minutes().toFixed(1)} CPU min`);
    },
    onEpochEnd: (epoch, { loss, valLoss }) => {
      console.log(
        `epoch ${epoch + 1}: train loss ${loss.toFixed(3)}, validation ${valLoss.toFixed(4)} nats (${(valLoss / Math.LN2).toFixed(3)} bits)/char, ${minutes().toFixed(1)} CPU min`,
      );
      history.push({ epoch: epoch + 1, loss, valLoss, seconds: Math.round((Date.now() - started) / 1000) });
      if (best && valLoss >= best.valLoss) return;
      if (best) disposeWeights(best.weights);
      best = { valLoss, epochs: epoch + 1, weights: cloneWeights(vars) };
    },
    shouldStop: () => minutes() >= MINUTES || batchesDone >= MAX_BATCHES,
  },
);
const trainingSeconds = (Date.now() - started) / 1000;
const trainingCpuSeconds = minutes() * 60;
console.log(`training ${outcome} after ${batchesDone} batches, ${trainingSeconds.toFixed(0)} s (${trainingCpuSeconds.toFixed(0)} s of CPU time)`);

// A time box that ends mid-epoch leaves weights never validated as a whole epoch; keep them only if better.
const last = validationLoss(config, vars, data);
const kept: Weights = best && best.valLoss < last ? best.weights : vars;
console.log(
  `kept ${kept === vars ? `the final weights (${last.toFixed(4)} nats)` : `epoch ${best!.epochs}'s weights (${best!.valLoss.toFixed(4)} nats; final ${last.toFixed(4)})`}`,
);
const half = quantizeFloat16(await toArtifacts(config, kept));
const reloaded = fromArtifacts(half);
const loss = validationLoss(config, kept, data);
const lossFloat16 = validationLoss(config, reloaded.weights, data);
const bits = (nats: number) => nats / Math.LN2;
console.log(
  `validation: float32 ${loss.toFixed(4)} nats (${bits(loss).toFixed(3)} bits)/char, float16 ${lossFloat16.toFixed(4)} nats (${bits(lossFloat16).toFixed(3)} bits)/char`,
);
if (lstm)
  console.log(
    `the LSTM checkpoint: ${lstm.validation.lossFloat16.toFixed(4)} nats/char on ${shared ? 'the same characters' : 'another text (not comparable)'}`,
  );

const meta: TransformerCheckpointMeta = {
  vocab: vocab.chars,
  config,
  parameters: parameterCount(config),
  seed: SEED,
  corpus: { file: CORPUS, sha256, characters: ids.length },
  split: { ...split, validationCharacters: data.split.val.length * split.seqLen },
  trainLen: data.trainLen,
  epochs: kept === vars ? Number((batchesDone / batchesPerEpoch).toFixed(3)) : best!.epochs,
  history,
  batchSize: BATCH,
  learningRate: LEARNING_RATE,
  backend: `tfjs ${tf.version_core} ${tf.getBackend()} (Node ${process.version})`,
  trainingSeconds: Math.round(trainingSeconds),
  trainingCpuSeconds: Math.round(trainingCpuSeconds),
  validation: { loss, bitsPerChar: bits(loss), perplexity: Math.exp(loss), lossFloat16, bitsPerCharFloat16: bits(lossFloat16) },
  weights: 'float16',
};
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/model.json`, JSON.stringify(transformerModelJson(half)));
writeFileSync(`${OUT}/weights.bin`, new Uint8Array(half.weightData as ArrayBuffer));
writeFileSync(`${OUT}/meta.json`, JSON.stringify(meta));
console.log(`wrote ${OUT}: ${(half.weightData as ArrayBuffer).byteLength} bytes of weights`);
disposeWeights(vars);
if (best) disposeWeights(best.weights);
disposeWeights(reloaded.weights);
