/**
 * The Transformer's building blocks on tfjs-core tensors, functional ops only, every kernel
 * present on the cpu, wasm and webgl backends (no Erf: GELU uses its tanh form).
 */
import * as tf from '@tensorflow/tfjs-core';

/** LayerNorm's ε, as GPT-2. */
export const LN_EPSILON = 1e-5;
/** What a masked score gets before the softmax: exp(−10⁹ − max) underflows to exactly 0 in float32. */
export const MASKED = -1e9;

/**
 * LayerNorm over the last axis (Ba et al. 2016, "Layer Normalization", eq. 3–4):
 *   LN(x) = γ ⊙ (x − μ) / √(σ² + ε) + β,  μ and σ² the mean and variance of x's last axis.
 * x: [..., d]; gamma, beta: [d].
 */
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.add(tf.mul(normalize(x), gamma), beta));
}

/** LayerNorm without its gain and shift: (x − μ) / √(σ² + ε) over the last axis of x [..., d]. */
export function normalize(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const centred = tf.sub(x, tf.mean(x, -1, true));
    return tf.mul(centred, tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), LN_EPSILON)));
  });
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * GELU, tanh approximation (Hendrycks & Gimpel 2016, "Gaussian Error Linear Units", §2; the
 * form GPT-2 uses): GELU(x) ≈ ½x(1 + tanh(√(2/π)(x + 0.044715x³))). Elementwise. Computed as
 * x·σ(2z), z = √(2/π)(x + 0.044715x³), since ½(1 + tanh z) = σ(2z): two kernels fewer.
 */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const twoZOverX = tf.add(tf.mul(tf.square(x), 2 * SQRT_2_OVER_PI * 0.044715), 2 * SQRT_2_OVER_PI);
    return tf.mul(x, tf.sigmoid(tf.mul(x, twoZOverX)));
  });
}

/** x·W + b over the last axis: x [..., m], w [m, n], b [n] → [..., n]. */
export function dense(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [m, n] = w.shape;
    const flat = tf.matMul(tf.reshape(x, [-1, m]), w as tf.Tensor2D);
    return tf.reshape(tf.add(flat, b), [...x.shape.slice(0, -1), n]);
  });
}

/**
 * The causal mask as an additive [T, S] matrix for T queries at positions offset … offset+T−1
 * over S = offset + T keys at positions 0 … S−1: 0 where key j ≤ query position (allowed),
 * MASKED where j is in the query's future (Vaswani et al. 2017, §3.2.3: "masking out (setting
 * to −∞) all values in the input of the softmax which correspond to illegal connections").
 */
export function causalMask(T: number, offset: number): tf.Tensor2D {
  const S = offset + T;
  const values = new Float32Array(T * S);
  for (let i = 0; i < T; i++) for (let j = offset + i + 1; j < S; j++) values[i * S + j] = MASKED;
  return tf.tensor2d(values, [T, S]);
}

/** [B, T, d] → [B, h, T, d/h]: each head's slice of the model dimension. */
export const splitHeads = (x: tf.Tensor, heads: number): tf.Tensor4D =>
  tf.tidy(() => {
    const [B, T, d] = x.shape;
    return tf.transpose(tf.reshape(x, [B, T, heads, d / heads]), [0, 2, 1, 3]);
  });

/** [B, h, T, d_k] → [B, T, h·d_k]: the heads side by side again ("Concat(head_1, …, head_h)"). */
export const joinHeads = (x: tf.Tensor): tf.Tensor3D =>
  tf.tidy(() => {
    const [B, h, T, dk] = x.shape;
    return tf.reshape(tf.transpose(x, [0, 2, 1, 3]), [B, T, h * dk]);
  });
