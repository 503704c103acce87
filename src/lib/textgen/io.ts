/**
 * Saving and loading through tf.io: the model's topology and weights as ModelArtifacts, which
 * the browser keeps in IndexedDB ('indexeddb://…') and Node writes as files. The shipped
 * checkpoint stores weights as float16 (float16.ts, shared with the Transformer, which does
 * not load the layers API), halving its size; tf.io decodes that on load.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** The model as in-memory artifacts (topology, weight specs, one weight buffer). */
export async function toArtifacts(model: tfl.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return saved!;
}

/**
 * The layers model saved as `artifacts` (a checkpoint or a model trained in the page). With the
 * weights given and the default strict load, TF.js builds the layers without running their
 * initialisers (tfjs-layers' fastWeightInit), so the orthogonal initializer's warning
 * (quiet-warnings.ts) does not arise here; a test holds this path to it.
 */
export const fromArtifacts = (artifacts: tf.io.ModelArtifacts): Promise<tfl.LayersModel> => tfl.loadLayersModel(tf.io.fromMemory(artifacts));

export { quantizeFloat16, toFloat16 } from './float16';
