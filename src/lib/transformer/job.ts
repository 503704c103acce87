/**
 * One training job of 附录 A's page, as its Web Worker runs it, with no DOM: the weights to start
 * from (checkpoint artifacts, or a seeded initialisation of TANG_GPT's shape), the LSTM's split
 * of the corpus, the validation loss of the starting weights, then trainTransformer with a
 * message after every batch and epoch (a 48-character sample each epoch), pause/resume/stop
 * through a TrainControl, and the trained weights back as tf.io artifacts. Every tensor it makes
 * is freed before it resolves (the 'done' message reports tf.memory().numTensors to prove it).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainControl } from '../textgen/control';
import { generate } from '../textgen/generate';
import type { FromWorker, StartTraining } from '../textgen/protocol';
import { encode, fromChars } from '../textgen/vocab';
import { fromArtifacts, toArtifacts } from './checkpoint';
import { TANG_GPT, type TransformerConfig } from './config';
import { TransformerStepper } from './stepper';
import { trainTransformer, validationLoss } from './train';
import { gptData, LSTM_SPLIT } from './train-settings';
import { disposeWeights, initWeights, toVariables, type Variables } from './weights';

export type Post = (m: FromWorker, transfer?: Transferable[]) => void;

/** Characters of the sample written after each epoch. */
export const SAMPLE_LENGTH = 48;

/** The starting weights as variables: decoded from the job's artifacts, or seeded TANG_GPT over the job's vocabulary. */
function startingWeights(job: StartTraining): { config: TransformerConfig; vars: Variables } {
  if (!job.artifacts) {
    const config = { ...TANG_GPT, vocabSize: job.vocab.length };
    return { config, vars: initWeights(config, job.seed) };
  }
  const { config, weights } = fromArtifacts(job.artifacts);
  if (config.vocabSize !== job.vocab.length) {
    tf.dispose(Object.values(weights));
    throw new Error(`权重的字符表有 ${config.vocabSize} 个字，给出的字符表有 ${job.vocab.length} 个`);
  }
  return { config, vars: toVariables(weights) };
}

/**
 * Runs `job` (its `model` must be 'transformer'), posting 'baseline', 'batch', 'paused', 'epoch'
 * and finally 'done' through `post`. Throws an Error in words (the worker posts it as 'error')
 * when the weights do not fit or the text gives no training window; frees its tensors either way.
 */
export async function runGptJob(job: StartTraining, post: Post, control: TrainControl): Promise<void> {
  if (job.model !== 'transformer') throw new Error('这个训练线程只训练 Transformer');
  const vocab = fromChars(job.vocab);
  const { config, vars } = startingWeights(job);
  try {
    if (config.contextLength < LSTM_SPLIT.seqLen) throw new Error(`上下文只有 ${config.contextLength} 个字，放不下 ${LSTM_SPLIT.seqLen} 个字的验证窗口`);
    const data = gptData(encode(vocab, job.text).ids, config.contextLength);
    if (data.train.length === 0) throw new Error('文本太短，切不出一个训练窗口');
    post({ type: 'baseline', valLoss: validationLoss(config, vars, data) });
    let epochsDone = job.firstEpoch;
    let charsSeen = 0;
    const started = performance.now();
    const outcome = await trainTransformer(
      config,
      vars,
      data,
      { epochs: job.epochs, batchSize: job.batchSize, seed: job.seed, firstEpoch: job.firstEpoch },
      {
        onBatchEnd: async (batch, batches, loss) => {
          charsSeen += Math.min(job.batchSize, data.train.length - batch * job.batchSize) * data.trainLen;
          post({ type: 'batch', epoch: epochsDone, batch, batches, loss, charsPerSecond: charsSeen / Math.max(1e-3, (performance.now() - started) / 1000) });
          await control.afterBatch(() => post({ type: 'paused' }));
        },
        onEpochEnd: async (epoch, { loss, valLoss }) => {
          epochsDone = epoch + 1;
          const stepper = TransformerStepper.fromWeights(config, vars);
          try {
            const { text } = await generate(stepper, vocab, { prompt: '', length: SAMPLE_LENGTH, temperature: 0.8, seed: job.seed + epoch });
            post({ type: 'epoch', epoch, loss, valLoss, sample: text });
          } finally {
            stepper.dispose();
          }
        },
        shouldStop: control.shouldStop,
      },
    );
    const artifacts = await toArtifacts(config, vars);
    disposeWeights(vars);
    post({ type: 'done', reason: outcome, artifacts, epochsDone, tensors: tf.memory().numTensors }, [artifacts.weightData as ArrayBuffer]);
  } catch (e) {
    disposeWeights(vars);
    throw e;
  }
}
