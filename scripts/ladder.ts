/**
 * npm run ladder [-- --out=FILE]: the baseline ladder of 附录 A on the §5.2 LSTM's held-out
 * characters (its validation windows: makeWindows over the corpus with the LSTM meta's seqLen
 * and seed). Rungs: uniform, unigram, bigram (fitted on the training windows only, smoothing
 * chosen there by leave-one-out: src/lib/textgen/ladder.ts), the LSTM checkpoint and the
 * Transformer checkpoint (per-target ln p under their validationLoss rule: ladder-neural.ts).
 * Nats and bits per character, over all characters and without punctuation and line breaks
 * (charclass.ts). Prints a table and writes public/models/ladder.json, which 附录 A's table reads.
 * About a minute on 2 cores (WebAssembly backend). Throws when the two checkpoints were not
 * trained on this corpus with one vocabulary and split, since then the ladder compares nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fromModelJson, type CheckpointMeta } from '../src/lib/textgen/checkpoint';
import { fromArtifacts as lstmFromArtifacts } from '../src/lib/textgen/io';
import * as ladder from '../src/lib/textgen/ladder';
import { lstmLogProbs, transformerLogProbs } from '../src/lib/textgen/ladder-neural';
import { RUNGS, type LadderReport } from '../src/lib/textgen/ladder-report';
import { disposeModel } from '../src/lib/textgen/model';
import { encode, fromChars } from '../src/lib/textgen/vocab';
import { registerWasmKernels } from '../src/lib/textgen/wasm-kernels';
import { makeWindows } from '../src/lib/textgen/windows';
import { fromArtifacts, type TransformerCheckpointMeta } from '../src/lib/transformer/checkpoint';
import { kerasParamCounts } from '../src/lib/textgen/model';
import { disposeWeights } from '../src/lib/transformer/weights';

const str = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const OUT = str('out', 'public/models/ladder.json');
const CORPUS = 'public/corpora/poetry.txt';
const LSTM_DIR = 'public/models/poetry';
const GPT_DIR = 'public/models/transformer';

setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
await tf.setBackend('wasm');
registerWasmKernels();

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const raw = readFileSync(CORPUS, 'utf8');
const lstmMeta = readJson<CheckpointMeta>(`${LSTM_DIR}/meta.json`);
const gptMeta = readJson<TransformerCheckpointMeta>(`${GPT_DIR}/meta.json`);
const corpusSha = sha256(raw);
for (const [name, meta] of [
  ['LSTM', lstmMeta],
  ['Transformer', gptMeta],
] as const)
  if (meta.corpus.sha256 !== corpusSha) throw new Error(`the ${name} checkpoint was trained on another corpus than ${CORPUS}`);
if (JSON.stringify(lstmMeta.vocab) !== JSON.stringify(gptMeta.vocab)) throw new Error('the two checkpoints have different vocabularies');
if (gptMeta.split.seqLen !== lstmMeta.seqLen || gptMeta.split.seed !== lstmMeta.seed) throw new Error('the Transformer was validated on another split');

const vocab = lstmMeta.vocab;
const V = vocab.length;
const { ids } = encode(fromChars(vocab), raw);
const split = makeWindows(ids.length, lstmMeta.seqLen, lstmMeta.seed);
const len = split.len;
const targets = ladder.windowTargets(ids, split.val, len);
const inputs = ladder.windowInputs(ids, split.val, len);
console.log(`held out: ${split.val.length} windows × ${len} = ${targets.length} characters (the LSTM's validation split, seed ${lstmMeta.seed})`);

// Counting models, fitted on the training windows' (context, target) pairs only.
const trainTargets = ladder.windowTargets(ids, split.train, len);
const unigram = ladder.fitUnigram(trainTargets, V);
const bigram = ladder.fitBigram(ladder.windowInputs(ids, split.train, len), trainTargets, unigram);
console.log(`fitted on ${trainTargets.length} training characters: unigram add-k k = ${unigram.k}, bigram prior β = ${bigram.beta}`);

const lstmWeights = readFileSync(`${LSTM_DIR}/weights.bin`);
const lstm = await lstmFromArtifacts(fromModelJson(readJson(`${LSTM_DIR}/model.json`), new Uint8Array(lstmWeights).buffer));
let t0 = Date.now();
const lstmLp = lstmLogProbs(lstm, ids, split.val, len);
console.log(`LSTM scored in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
disposeModel(lstm);

const gptWeights = readFileSync(`${GPT_DIR}/weights.bin`);
const gpt = fromArtifacts(fromModelJson(readJson(`${GPT_DIR}/model.json`), new Uint8Array(gptWeights).buffer));
t0 = Date.now();
const gptLp = transformerLogProbs(gpt.config, gpt.weights, ids, split.val, len);
console.log(`Transformer scored in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
disposeWeights(gpt.weights);

const logProbs = {
  uniform: ladder.uniformLogProbs(targets.length, V),
  unigram: ladder.unigramLogProbs(unigram, targets),
  bigram: ladder.bigramLogProbs(bigram, inputs, targets),
  lstm: lstmLp,
  transformer: gptLp,
};
const rows = RUNGS.map(({ name }) => ({ name, ...ladder.ladderRow(logProbs[name], targets, vocab) }));
const row = (name: string) => rows.find((r) => r.name === name)!;

// The neural rungs must reproduce what training reported on these characters.
for (const [name, meta] of [
  ['lstm', lstmMeta.validation.lossFloat16],
  ['transformer', gptMeta.validation.lossFloat16],
] as const) {
  const diff = Math.abs(row(name).all.nats - meta);
  if (diff > 1e-3) console.warn(`warning: ${name} scores ${row(name).all.nats.toFixed(4)} nats here but ${meta.toFixed(4)} in its meta.json`);
}

const { embedding, lstm: cell, dense } = kerasParamCounts(lstmMeta.sizes);
const report: LadderReport = {
  heldOut: {
    corpusSha256: corpusSha,
    vocabSize: V,
    windows: split.val.length,
    len,
    seed: lstmMeta.seed,
    characters: row('uniform').all.characters,
    contentCharacters: row('uniform').content.characters,
  },
  smoothing: { unigramK: unigram.k, bigramBeta: bigram.beta, trainingCharacters: trainTargets.length },
  checkpoints: {
    lstm: { weightsSha256: sha256(lstmWeights), epochs: lstmMeta.epochs, parameters: embedding + cell + dense, metaLoss: lstmMeta.validation.lossFloat16 },
    transformer: {
      weightsSha256: sha256(gptWeights),
      epochs: gptMeta.epochs,
      parameters: gptMeta.parameters,
      trainingSeconds: gptMeta.trainingSeconds,
      metaLoss: gptMeta.validation.lossFloat16,
    },
  },
  rows,
  goal: { lstmNats: row('lstm').all.nats, transformerNats: row('transformer').all.nats, met: row('transformer').all.nats < row('lstm').all.nats },
};
writeFileSync(OUT, `${JSON.stringify(report, null, 1)}\n`);

const f = (v: number, d: number) => v.toFixed(d);
console.table(
  Object.fromEntries(
    RUNGS.map(({ name, label }) => {
      const r = row(name);
      return [
        label,
        { 'nats/char': f(r.all.nats, 4), 'bits/char': f(r.all.bits, 3), 'nats w/o punct.': f(r.content.nats, 4), 'bits w/o punct.': f(r.content.bits, 3) },
      ];
    }),
  ),
);
console.log(`all: ${report.heldOut.characters} characters; without punctuation and line breaks: ${report.heldOut.contentCharacters}`);
console.log(
  `goal (Transformer below the LSTM's ${f(report.goal.lstmNats, 4)} nats): ${report.goal.met ? 'met' : 'NOT MET'} at ${f(report.goal.transformerNats, 4)} nats (Transformer checkpoint: ${gptMeta.epochs} epochs, ${gptMeta.trainingSeconds} s of training)`,
);
console.log(`wrote ${OUT}`);
