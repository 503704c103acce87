/**
 * The expected answer of a numeric exercise, computed at build time by the same library the
 * widgets use, or read from the shipped checkpoint.
 */
import { disposeParams, paramsFrom } from '../nn/network';
import { traceStep } from '../nn/trace';
import { modelBytes } from '../compress/schemes';
import { lstmShapes } from '../compress/shapes';
import { POETRY_LSTM_SIZES } from '../compress/static';
import { TANG_GPT, type TransformerConfig } from '../transformer/config';
import { checkpointParameters, shippedTransformerMeta } from '../transformer/shipped';
import { weightShapes } from '../transformer/weights';
import { shippedRanking } from '../interpret/static';
import { trainingFlops } from '../scale/compute';
import { presetById } from '../scale/presets';
import type { ModelQuantity, NetworkQuantity, NumericQuantity, ScaleQuantity, UnitQuantity } from './types';

/** The weight shapes of the models a ModelQuantity can name. */
const SHAPES = {
  'tang-gpt': () => weightShapes(TANG_GPT).map(([, s]) => s),
  'poetry-lstm': () => lstmShapes(POETRY_LSTM_SIZES).map(([, s]) => s),
} as const;

const sameConfig = (a: TransformerConfig, b: TransformerConfig) => (Object.keys(a) as (keyof TransformerConfig)[]).every((k) => a[k] === b[k]);

/**
 * The Transformer's trainable weights, from its shipped checkpoint: meta.json's count, checked to
 * equal parameterCount(meta.config) (checkpointParameters). Throws, failing the build, when they
 * differ or when the checkpoint's config is not TANG_GPT, whose sizes the exercise prints.
 * `readMeta` replaces the file for tests.
 */
function tangGptParameters(readMeta: () => unknown = shippedTransformerMeta): number {
  const { parameters, config } = checkpointParameters(readMeta());
  if (!sameConfig(config, TANG_GPT))
    throw new Error(`the shipped tang-gpt checkpoint's config ${JSON.stringify(config)} is not the one its exercise states, ${JSON.stringify(TANG_GPT)}`);
  return parameters;
}

/**
 * A count about one of the book's models: `parameters` (the Transformer's from its shipped
 * checkpoint; the LSTM's from its shapes), or `bytes`, its weights stored as `scheme` (with
 * `sparsity` pruned), by src/lib/compress/schemes.ts.
 */
function modelValue(q: ModelQuantity, readMeta?: () => unknown): number {
  switch (q.of) {
    case 'parameters':
      return q.model === 'tang-gpt' ? tangGptParameters(readMeta) : modelBytes(SHAPES[q.model](), 'float32') / 4;
    case 'bytes':
      return modelBytes(SHAPES[q.model](), q.scheme ?? 'float32', q.sparsity ?? 0);
  }
}

/** One value of the small network's forward and backward pass (src/lib/nn), as the exercise names it. */
function networkValue(q: NetworkQuantity): number {
  const sizes = [q.x.length, ...q.W.map((w) => w.length)];
  const params = paramsFrom(q.W, q.b);
  const t = traceStep({ sizes, activation: q.activation, output: 'identity', loss: 'squared' }, params, q.x, q.y, q.alpha ?? 0.1);
  disposeParams(params);
  const of = q.of;
  switch (of.value) {
    case 'yHat':
      return t.yHat[0];
    case 'loss':
      return t.loss;
    case 'delta':
      return t.delta[of.layer - 1][of.i];
    case 'db':
      return t.db[of.layer - 1][of.i];
    case 'dW':
      return t.dW[of.layer - 1][of.i][of.j];
    case 'nextW':
      return t.nextW[of.layer - 1][of.i][of.j];
  }
}

/** The shipped LSTM's first-ranked unit for a text and class (interpret/static.ts); throws when the class has no ranking there. */
function topUnit({ topUnit: { text, cls, ch } }: UnitQuantity): number {
  const first = shippedRanking(text, cls, ch)[0];
  if (!first) throw new Error(`no unit ranking for class ${cls} in ${JSON.stringify(text)}`);
  return first.unit;
}

/**
 * A scale-calculator figure for a preset (src/lib/scale): N, or C = 6·N·D with its published D,
 * over `per`. Throws, failing the build, for an unknown preset, a preset without a published
 * token count, or a `per` that is not a positive finite number.
 */
function scaleValue({ scale: { preset: id, of, per = 1 } }: ScaleQuantity): number {
  const preset = presetById(id);
  if (!preset) throw new Error(`no scale-calculator preset ${JSON.stringify(id)}`);
  if (!(per > 0 && Number.isFinite(per))) throw new Error(`a scale quantity's per must be a positive number, got ${per}`);
  if (of === 'params') return preset.params / per;
  if (preset.tokens === null) throw new Error(`the preset ${id} has no published token count for 6·N·D`);
  return trainingFlops(preset.params, preset.tokens) / per;
}

/**
 * The expected answer of a numeric exercise (types.ts's NumericQuantity). A model quantity reads
 * the shipped checkpoint's meta.json (or `readMeta()`, for tests) and throws when it is inconsistent.
 */
export const expectedValue = (q: NumericQuantity, readMeta?: () => unknown): number =>
  'scale' in q ? scaleValue(q) : 'topUnit' in q ? topUnit(q) : 'model' in q ? modelValue(q, readMeta) : networkValue(q);
