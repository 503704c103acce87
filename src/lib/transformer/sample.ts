/**
 * A text written by a Transformer checkpoint, in one call: for a figure computed at build time
 * (附录 A's lab without JavaScript shows one), with the lab's own generation loop.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { generate, type GenerateOptions } from '../textgen/generate';
import { fromChars } from '../textgen/vocab';
import { fromArtifacts } from './checkpoint';
import { TransformerStepper } from './stepper';

/**
 * The text (without the prompt) that the checkpoint in `artifacts`, with vocabulary `vocab`
 * (chars[id]), writes for `opts`, reading at most its context length. Frees every tensor it
 * makes; throws (an Error in words) when the artifacts are not a Transformer checkpoint.
 */
export async function sampleText(artifacts: tf.io.ModelArtifacts, vocab: string[], opts: Omit<GenerateOptions, 'onChar' | 'context'>): Promise<string> {
  const { config, weights } = fromArtifacts(artifacts);
  const stepper = new TransformerStepper(config, weights);
  try {
    return (await generate(stepper, fromChars(vocab), { ...opts, context: config.contextLength })).text;
  } finally {
    stepper.dispose();
  }
}
