/**
 * Memory for a model's weights, and for training it with Adam, by number format. Activations
 * (which grow with batch and context) are not included: this is the floor, not the total.
 */

export const PRECISIONS = ['fp32', 'bf16', 'int8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Bytes per stored weight: 32, 16, 8 and 4 bits. */
export const WEIGHT_BYTES: Record<Precision, number> = { fp32: 4, bf16: 2, int8: 1, int4: 0.5 };

/**
 * Bytes per parameter while training with Adam, split as weights + gradients + optimizer state.
 * - fp32: 4 + 4 + 8 (Adam's first and second moments, 4 bytes each).
 * - bf16 (mixed precision): 2 + 2 + 12, the optimizer state being an fp32 master copy of the
 *   weights and the two moments (Rajbhandari et al. 2020, ZeRO, §3.1: "2Ψ + 2Ψ + 12Ψ").
 * - int8, int4: null. Training every weight in 8 or 4 bits is not standard practice; they are
 *   used to store a trained model for inference (8-bit optimizer states, Dettmers et al. 2022,
 *   and QLoRA's adapters on a frozen 4-bit model, Dettmers et al. 2023, are different things).
 */
export const TRAINING_BYTES: Record<Precision, { weights: number; gradients: number; optimizer: number } | null> = {
  fp32: { weights: 4, gradients: 4, optimizer: 8 },
  bf16: { weights: 2, gradients: 2, optimizer: 12 },
  int8: null,
  int4: null,
};

export interface MemoryRow {
  precision: Precision;
  /** Bytes to hold the weights (what inference needs at least). */
  inference: number;
  /** Bytes for weights, gradients and Adam's state while training, or null where that is not standard. */
  training: { weights: number; gradients: number; optimizer: number; total: number } | null;
}

/** One row per precision for a model of `params` weights; bytes, not GiB. */
export function memoryRows(params: number): MemoryRow[] {
  return PRECISIONS.map((precision) => {
    const t = TRAINING_BYTES[precision];
    const training = t && {
      weights: t.weights * params,
      gradients: t.gradients * params,
      optimizer: t.optimizer * params,
      total: (t.weights + t.gradients + t.optimizer) * params,
    };
    return { precision, inference: WEIGHT_BYTES[precision] * params, training };
  });
}
