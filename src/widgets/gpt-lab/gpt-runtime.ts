/**
 * What 附录 A's generation lab needs, imported on first use (TF.js comes with it): the shipped
 * Transformer checkpoint decoded into a KV-cache TransformerStepper, and the §5.2 LSTM's
 * checkpoint through the text lab's own runtime, for the side-by-side view.
 */
import { fromModelJson } from '../../lib/textgen/checkpoint';
import { fromChars, type Vocab } from '../../lib/textgen/vocab';
import { fromArtifacts, type TransformerCheckpointMeta } from '../../lib/transformer/checkpoint';
import { TransformerStepper } from '../../lib/transformer/stepper';
import { BASE } from '../shared/base';
import { loadCheckpoint, stepperFrom } from '../text-lab/text-runtime';
import type { CharStepper } from '../../lib/textgen/stepper';
import { fetchOk, readJson } from '../shared/fetch-file';

export { memory } from '@tensorflow/tfjs-core';

export interface LoadedModel<S> {
  stepper: S;
  vocab: Vocab;
  /** For the reader: which checkpoint, how well it does. */
  label: string;
}

/** The shipped Transformer: model.json, weights.bin (float16) and meta.json. Throws an Error in words. */
export async function loadTransformer(): Promise<LoadedModel<TransformerStepper>> {
  const dir = `${BASE}models/transformer/`;
  const [model, weights, meta] = await Promise.all([
    fetchOk(`${dir}model.json`).then(readJson),
    fetchOk(`${dir}weights.bin`).then((r) => r.arrayBuffer()),
    fetchOk(`${dir}meta.json`).then((r) => readJson(r) as Promise<TransformerCheckpointMeta>),
  ]);
  const { config, weights: tensors } = fromArtifacts(fromModelJson(model, weights));
  const stepper = new TransformerStepper(config, tensors);
  if (!Array.isArray(meta.vocab) || meta.vocab.length !== config.vocabSize) {
    stepper.dispose();
    throw new Error('检查点的字符表与模型大小不一致');
  }
  const ppl = Math.exp(meta.validation.lossFloat16);
  return { stepper, vocab: fromChars(meta.vocab), label: `Transformer 检查点（${meta.epochs} 轮，验证困惑度 ${ppl.toFixed(1)}）` };
}

/** The §5.2 LSTM's shipped checkpoint (not one trained in this browser), as the text lab loads it. */
export async function loadLstm(): Promise<LoadedModel<CharStepper>> {
  const { artifacts, meta } = await loadCheckpoint();
  const stepper = stepperFrom(artifacts);
  if (stepper.vocabSize !== meta.vocab.length) {
    stepper.dispose();
    throw new Error('权重与字符表大小不一致');
  }
  return { stepper, vocab: fromChars(meta.vocab), label: `LSTM 检查点（${meta.epochs} 轮，验证困惑度 ${meta.validation.perplexityFloat16.toFixed(1)}）` };
}
