/**
 * The Transformer trained in this browser: one model, kept in IndexedDB under its own key
 * (`indexeddb://transformer-trained`, beside the LSTM lab's `textlab-<corpus>`), the latest one
 * trained on any corpus. The generation widget loads it with `loadSavedTransformer`, e.g.
 *
 *   const saved = await loadSavedTransformer();            // null when none is saved
 *   if (saved) { const { config, weights } = fromArtifacts(saved.artifacts); … saved.meta.vocab … }
 *
 * (fromArtifacts from lib/transformer/checkpoint.ts). Import this module on first use: it loads TF.js.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fromArtifacts } from '../../lib/transformer/checkpoint';
import { modelStore, type Saved, type SaveOutcome } from '../shared/model-store';

export type { Saved, SaveOutcome };

/** The name under the 'transformer' prefix: the store key is `indexeddb://transformer-trained`. */
export const SAVED_NAME = 'trained';

/** Throws (in words) unless the artifacts are a Transformer whose vocabulary is the one kept beside it. */
function checkTransformer({ artifacts, meta }: Saved): void {
  const { config, weights } = fromArtifacts(artifacts);
  tf.dispose(Object.values(weights));
  if (config.vocabSize !== meta.vocab.length) throw new Error(`字符表有 ${meta.vocab.length} 个字，权重需要 ${config.vocabSize} 个`);
}

const store = modelStore('transformer', checkTransformer);

/**
 * The Transformer saved by 附录 A's training in this browser, or null when there is none:
 * `artifacts` (tf.io, float32; `fromArtifacts` turns them into config and weights) and `meta`
 * (vocab, epochs, corpus, and valLoss in nats/char when the run finished). Checked before it is
 * returned: one that cannot be read back is deleted, and this throws an Error saying so.
 */
export const loadSavedTransformer = (): Promise<Saved | null> => store.loadSaved(SAVED_NAME);

/** Saves (replacing the one before) and reads back; never throws: says whether it was kept, and why not. */
export const saveTransformer = (saved: Saved): Promise<SaveOutcome> => store.save(SAVED_NAME, saved);

/** Forgets the saved Transformer; never throws. */
export const removeSavedTransformer = (): Promise<void> => store.removeSaved(SAVED_NAME);
