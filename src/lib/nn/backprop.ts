/**
 * Backpropagation written out by hand with the corrected §4.2 equations (the chapter's 勘误):
 *   δ⁽ᴸ⁾ = ∂ℒ/∂a⁽ᴸ⁾ ⊙ σ′(z⁽ᴸ⁾),  with ∂ℒ/∂a⁽ᴸ⁾ = ∂ℒ/∂ŷ ⊙ f′(a⁽ᴸ⁾)
 *   δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾ ⊙ σ′(z⁽ˡ⁾)
 *   ∂ℒ/∂W⁽ˡ⁾ = δ⁽ˡ⁾ (a⁽ˡ⁻¹⁾)ᵀ,  ∂ℒ/∂b⁽ˡ⁾ = δ⁽ˡ⁾
 * In row form over a batch the outer products sum over samples: ∂ℒ/∂W⁽ˡ⁾ = Δ⁽ˡ⁾ᵀ A⁽ˡ⁻¹⁾.
 * No autodiff is used here; tests compare against tf.grads.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { NetworkSpec } from './spec';
import type { ForwardPass, Params } from './network';
import { activationGrad, outputGrad } from './activations';
import { lossGrad } from './loss';

export interface Gradients {
  /** delta[l-1] = δ⁽ˡ⁾ = ∂ℒ/∂z⁽ˡ⁾, the error derivative with respect to each unit's total input, [m, nₗ]. */
  delta: tf.Tensor2D[];
  /** dW[l-1] = ∂ℒ/∂W⁽ˡ⁾, same shape as W⁽ˡ⁾. */
  dW: tf.Tensor2D[];
  /** db[l-1] = ∂ℒ/∂b⁽ˡ⁾. */
  db: tf.Tensor1D[];
}

/** `l2` adds the gradient of (λ/2)Σ‖W‖² to each ∂ℒ/∂W (weight decay; biases are not decayed). */
export function backward(spec: NetworkSpec, params: Params, pass: ForwardPass, y: tf.Tensor2D, l2 = 0): Gradients {
  return tf.tidy(() => {
    const L = params.W.length;
    const delta: tf.Tensor2D[] = new Array(L);
    const dW: tf.Tensor2D[] = new Array(L);
    const db: tf.Tensor1D[] = new Array(L);
    const dA = tf.mul(lossGrad(spec.loss, pass.yHat, y), outputGrad(spec.output, pass.yHat));
    delta[L - 1] = tf.mul(dA, activationGrad(spec.activation, pass.z[L - 1])) as tf.Tensor2D;
    for (let l = L - 1; l >= 0; l--) {
      if (l < L - 1) {
        // Row form of (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾: Δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾.
        const back = tf.matMul(delta[l + 1], params.W[l + 1]);
        delta[l] = tf.mul(back, activationGrad(spec.activation, pass.z[l])) as tf.Tensor2D;
      }
      const grad = tf.matMul(delta[l], pass.a[l], true, false) as tf.Tensor2D;
      dW[l] = (l2 > 0 ? tf.add(grad, tf.mul(params.W[l], l2)) : grad) as tf.Tensor2D;
      db[l] = tf.sum(delta[l], 0) as tf.Tensor1D;
    }
    return { delta, dW, db };
  });
}

export function disposeGradients(g: Gradients): void {
  tf.dispose([...g.delta, ...g.dW, ...g.db]);
}
