/**
 * The §5.2 LSTM's weight shapes from its sizes, as tfjs-layers names and lays them out
 * (Keras's gate order i, f, c̃, o along the last axis of the kernels): the shapes the shipped
 * checkpoint's model.json lists, so sizes can be computed at build time without reading it.
 */
import type { ModelSizes } from '../textgen/model';
import type { Shape } from './schemes';

/** [name, shape] of the six tensors, in the checkpoint's order (V vocabulary, E embedding, U units). */
export function lstmShapes({ vocabSize: V, embeddingSize: E, units: U }: ModelSizes): [string, Shape][] {
  return [
    ['embedding/embeddings', [V, E]],
    ['lstm/kernel', [E, 4 * U]],
    ['lstm/recurrent_kernel', [U, 4 * U]],
    ['lstm/bias', [4 * U]],
    ['dense/kernel', [U, V]],
    ['dense/bias', [V]],
  ];
}
