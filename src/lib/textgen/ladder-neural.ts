/**
 * The ladder's two neural rungs (ladder.ts): ln p of every held-out target under the §5.2 LSTM
 * and under 附录 A's Transformer, per target, in windowTargets order. The context rule is the
 * one their validationLoss use (textgen/train.ts, transformer/train.ts): each window of `len`
 * characters is read on its own from an empty state / position 0, and the target ids[s+t+1] is
 * predicted from ids[s … s+t]. So the mean of −lstmLogProbs is the LSTM's validationLoss and
 * the mean of −transformerLogProbs the Transformer's, on the same characters.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { TransformerConfig } from '../transformer/config';
import { forward } from '../transformer/forward';
import type { Weights } from '../transformer/weights';
import { gatherBatch } from './windows';

/** The LSTM's validationLoss clips a probability at this before the log (−ln 1e-7 ≈ 16.1 nats at most). */
export const LSTM_MIN_PROB = 1e-7;

/** Runs `logp` (ln p [B·len, V] for inputs [B, len]) on batches of windows and picks each target's ln p from its [B·len, V] output. */
function perTarget(ids: Int32Array, starts: readonly number[], len: number, batchSize: number, logp: (x: tf.Tensor2D) => tf.Tensor2D): Float64Array {
  const out = new Float64Array(starts.length * len);
  for (let i = 0; i < starts.length; i += batchSize) {
    const chunk = starts.slice(i, i + batchSize);
    const { x, y } = gatherBatch(ids, chunk, len);
    const picked = tf.tidy(() => {
      const lp = tf.reshape(logp(tf.tensor2d(x, [chunk.length, len], 'int32')), [-1]);
      const V = lp.size / y.length;
      const at = tf.add(tf.mul(tf.range(0, y.length, 1, 'int32'), tf.scalar(V, 'int32')), tf.tensor1d(y, 'int32'));
      return tf.gather(lp, at);
    });
    out.set(picked.dataSync(), i * len);
    picked.dispose();
  }
  return out;
}

/** ln p(target) per target under the LSTM (a layers model returning softmax [B, len, V]), clipped at LSTM_MIN_PROB. */
export const lstmLogProbs = (model: tfl.LayersModel, ids: Int32Array, starts: readonly number[], len: number, batchSize = 64): Float64Array =>
  perTarget(ids, starts, len, batchSize, (x) => {
    const p = model.predict(x) as tf.Tensor3D;
    return tf.reshape(tf.log(tf.maximum(p, LSTM_MIN_PROB)), [-1, p.shape[2]]);
  });

/** ln p(target) per target under the Transformer: log-softmax of its logits, no dropout. Throws RangeError when len > contextLength. */
export const transformerLogProbs = (c: TransformerConfig, w: Weights, ids: Int32Array, starts: readonly number[], len: number, batchSize = 64): Float64Array =>
  perTarget(ids, starts, len, batchSize, (x) => tf.reshape(tf.logSoftmax(forward(c, w, x).logits), [-1, c.vocabSize]));
