/**
 * The compression lab's figure without JavaScript: the §5.2 LSTM checkpoint's size under each
 * setting, computed from its shapes at build time (the page's noscript table).
 */
import poetryMeta from '../../../public/models/poetry/meta.json';
import type { ModelSizes } from '../textgen/model';
import { modelBytes, SCHEMES, type Scheme } from './schemes';
import { COMPRESS_DEFAULTS } from './settings';
import { lstmShapes } from './shapes';

/** The shipped LSTM's sizes, as its meta.json records them (vocabulary, embedding width, units). */
export const POETRY_LSTM_SIZES: ModelSizes = poetryMeta.sizes;

/** [scheme, bytes] for the shipped LSTM, pruning at the lab's default sparsity. */
export const lstmSizeTable = (sparsity = COMPRESS_DEFAULTS.sp / 100): [Scheme, number][] =>
  SCHEMES.map((s) => [
    s,
    modelBytes(
      lstmShapes(POETRY_LSTM_SIZES).map(([, shape]) => shape),
      s,
      sparsity,
    ),
  ]);
