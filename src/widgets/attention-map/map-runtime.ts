/**
 * What the attention map needs from TF.js, imported on first use: the shipped Transformer
 * checkpoint (fetched once per page), its attention maps for a text, and a seeded continuation
 * written by the model through the KV-cache stepper (freed again at once, so the tensor count
 * after each action is what it was before).
 */
import { generate } from '../../lib/textgen/generate';
import { checkpointFromFiles, CHECKPOINT_DIR, type LoadedCheckpoint } from '../../lib/transformer/files';
import { attentionMaps } from '../../lib/transformer/forward';
import { TransformerStepper } from '../../lib/transformer/stepper';
import { BASE } from '../shared/base';
import { fetchOk, readJson } from '../shared/fetch-file';

export { memory } from '@tensorflow/tfjs-core';

let loaded: Promise<LoadedCheckpoint> | undefined;

/** The checkpoint, fetched and decoded once per page; a failed load is tried again next time. */
export function loadCheckpoint(): Promise<LoadedCheckpoint> {
  const dir = `${BASE}${CHECKPOINT_DIR}`;
  loaded ??= Promise.all([
    fetchOk(`${dir}model.json`).then(readJson),
    fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${dir}meta.json`).then(readJson),
  ]).then(([model, weights, meta]) => checkpointFromFiles(model, weights, meta));
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** [layers][heads][T][T] for `ids` (at most contextLength of them). */
export const maps = (ck: LoadedCheckpoint, ids: number[]): number[][][][] => attentionMaps(ck.config, ck.weights, ids);

/**
 * `chars` more characters after `text`, drawn at `temperature` with `seed` (generate() starts
 * from the poem separator, as the LSTM lab does). Returns them as written.
 */
export async function continueText(ck: LoadedCheckpoint, text: string, chars: number, temperature: number, seed: number): Promise<string> {
  const stepper = TransformerStepper.fromWeights(ck.config, ck.weights);
  try {
    return (await generate(stepper, ck.vocab, { prompt: text, length: chars, temperature, seed })).text;
  } finally {
    stepper.dispose();
  }
}
