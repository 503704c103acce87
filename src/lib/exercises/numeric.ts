/** The expected answer of a numeric exercise, computed by the same library the widgets use. */
import { disposeParams, paramsFrom } from '../nn/network';
import { traceStep } from '../nn/trace';
import { modelBytes } from '../compress/schemes';
import { lstmShapes } from '../compress/shapes';
import { POETRY_LSTM_SIZES } from '../compress/static';
import { parameterCount, TANG_GPT } from '../transformer/config';
import { weightShapes } from '../transformer/weights';
import type { ModelQuantity, NetworkQuantity, NumericQuantity } from './types';

/** The weight shapes of the models a ModelQuantity can name. */
const SHAPES = {
  'tang-gpt': () => weightShapes(TANG_GPT).map(([, s]) => s),
  'poetry-lstm': () => lstmShapes(POETRY_LSTM_SIZES).map(([, s]) => s),
} as const;

/** A count about one of the book's models (its trainable weights, or their bytes), by the documented formula of its library. */
function modelValue(q: ModelQuantity): number {
  switch (q.of) {
    case 'parameters':
      return q.model === 'tang-gpt' ? parameterCount(TANG_GPT) : modelBytes(SHAPES[q.model](), 'float32') / 4;
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

/** The expected answer of a numeric exercise (types.ts's NumericQuantity). */
export const expectedValue = (q: NumericQuantity): number => ('model' in q ? modelValue(q) : networkValue(q));
