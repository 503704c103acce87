/**
 * The expected answer of a numeric exercise, computed at build time by the same library the
 * widgets use, or read from the shipped checkpoint.
 */
import { disposeParams, paramsFrom } from '../nn/network';
import { traceStep } from '../nn/trace';
import { TANG_GPT, type TransformerConfig } from '../transformer/config';
import { checkpointParameters, shippedTransformerMeta } from '../transformer/shipped';
import type { ModelQuantity, NetworkQuantity, NumericQuantity } from './types';

/** Per model a ModelQuantity can name: the configuration its exercise states, and how to read its shipped meta.json. */
const MODELS = { 'tang-gpt': { config: TANG_GPT, meta: shippedTransformerMeta } } as const;

const sameConfig = (a: TransformerConfig, b: TransformerConfig) => (Object.keys(a) as (keyof TransformerConfig)[]).every((k) => a[k] === b[k]);

/**
 * A count about one of the book's models, from its shipped checkpoint: `parameters` is the
 * checkpoint meta.json's count, checked to equal parameterCount(meta.config) (checkpointParameters).
 * Throws, failing the build, when they differ or when the checkpoint's config is not the one
 * the exercise states (its prompt prints that config's sizes). `readMeta` replaces the file for tests.
 */
function modelValue(q: ModelQuantity, readMeta?: () => unknown): number {
  const model = MODELS[q.model];
  const { parameters, config } = checkpointParameters((readMeta ?? model.meta)());
  if (!sameConfig(config, model.config))
    throw new Error(`the shipped ${q.model} checkpoint's config ${JSON.stringify(config)} is not the one its exercise states, ${JSON.stringify(model.config)}`);
  switch (q.of) {
    case 'parameters':
      return parameters;
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

/**
 * The expected answer of a numeric exercise (types.ts's NumericQuantity). A model quantity reads
 * the shipped checkpoint's meta.json (or `readMeta()`, for tests) and throws when it is inconsistent.
 */
export const expectedValue = (q: NumericQuantity, readMeta?: () => unknown): number => ('model' in q ? modelValue(q, readMeta) : networkValue(q));
