/**
 * TF.js gradient kernels plus the stepper's autodiff comparison, fetched only when a reader
 * reaches the gradients step: no other widget needs tf.grads. Load tf-runtime.ts first.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export { autodiffMaxDiff } from '../../lib/nn/autodiff';
