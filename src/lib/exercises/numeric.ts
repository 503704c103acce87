/** The expected answer of a numeric exercise, computed by the same library the widgets use. */
import { disposeParams, paramsFrom } from '../nn/network';
import { traceStep } from '../nn/trace';
import type { NumericQuantity } from './types';

export function expectedValue(q: NumericQuantity): number {
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
