/**
 * One optimisation step of the §5.2 model, faster than the layers API's trainOnBatch and with
 * the same model, weights and Adam. trainOnBatch runs the Dense layer's softmax, then sparse
 * cross-entropy as tfjs-layers writes it: one-hot targets [N, V], clip, renormalise, log,
 * multiply, sum, each of them again backward, over N = 64 × 40 rows of V ≈ 3,000 columns. Here
 * the Dense layer stops at its logits z = h·W + b and the loss is one fused function,
 *   loss = mean_i (log Σ_j exp z_ij − z_i,t(i)),      ∂loss/∂z = (softmax(z) − onehot(t)) / N
 * (the standard softmax cross-entropy gradient; TensorFlow's
 * sparse_softmax_cross_entropy_with_logits computes the same), minimised by the model's own
 * optimizer (the Adam that compile() made) over the model's trainable weights. Equal to the old
 * loss except where the old one clipped a probability below 1e-7 (Keras's epsilon); a unit test
 * compares loss and gradients with the trainOnBatch path.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/**
 * Mean sparse softmax cross-entropy, nats, of `logits` [N, V] against integer `targets` [N]
 * (int32, each in 0…V−1), with a hand-written gradient that never forms log-probabilities of
 * every class. Call inside a gradient scope (tf.variableGrads, optimizer.minimize) or tf.tidy.
 */
export function sparseSoftmaxCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  const [n, v] = logits.shape;
  // customGrad hands the inputs and then the save function in one rest parameter.
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [z, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const shifted = tf.sub(z, tf.max(z, 1, true));
    const e = tf.exp(shifted);
    const sums = tf.sum(e, 1, true);
    const rows = tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(v, 'int32'));
    const picked = tf.gather(tf.reshape(shifted, [-1]), tf.add(rows, targets));
    save([e, sums]);
    return {
      value: tf.mean(tf.sub(tf.reshape(tf.log(sums), [-1]), picked)),
      gradFunc: (dy: tf.Tensor, [es, ss]: tf.Tensor[]) => {
        const perRow = tf.div(dy, n);
        return tf.sub(tf.mul(es, tf.div(perRow, ss)), tf.mul(tf.oneHot(targets, v), perRow));
      },
    };
  });
  return loss(logits) as tf.Scalar;
}

/** The Dense layer's kernel [U, V] and bias [V] as the variables the optimizer updates. */
function denseWeights(model: tfl.LayersModel): [tf.Tensor2D, tf.Tensor1D] {
  const [kernel, bias] = model.getLayer('dense').trainableWeights.map((w) => w.read());
  if (!kernel || !bias) throw new Error('模型缺少输出层的权重');
  return [kernel as tf.Tensor2D, bias as tf.Tensor1D];
}

/**
 * Logits [B·T, V] of the §5.2 model for ids `x` [B, T]: Embedding and LSTM as the layers compute
 * them, then the Dense layer's product and bias without its softmax. Throws if the model lacks
 * the layers 'embedding', 'lstm' and 'dense'.
 */
export function logitsOf(model: tfl.LayersModel, x: tf.Tensor2D): tf.Tensor2D {
  const hidden = model.getLayer('lstm').apply(model.getLayer('embedding').apply(x)) as tf.Tensor3D;
  const [kernel, bias] = denseWeights(model);
  return tf.fused.matMul({ a: tf.reshape(hidden, [-1, hidden.shape[2]]), b: kernel, bias }) as tf.Tensor2D;
}

/** The loss the fused step minimises; `targets` [B·T] int32, row-major like `x` [B, T]. */
export const fusedLoss = (model: tfl.LayersModel, x: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar => sparseSoftmaxCrossEntropy(logitsOf(model, x), targets);

/**
 * One Adam step with the model's optimizer on the fused loss; resolves the batch's mean loss
 * (nats per character, before the step). Throws if the model was never compiled.
 */
export async function fusedStep(model: tfl.LayersModel, x: tf.Tensor2D, targets: tf.Tensor1D): Promise<number> {
  const optimizer = model.optimizer;
  if (!optimizer) throw new Error('模型还没有编译（缺少优化器）');
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const loss = optimizer.minimize(() => fusedLoss(model, x, targets), true, vars);
  if (!loss) throw new Error('优化器没有返回损失');
  const [value] = await loss.data();
  loss.dispose();
  return value;
}
