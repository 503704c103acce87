/**
 * Training compute and time. C ≈ 6·N·D floating-point operations for N weights and D training
 * tokens (Kaplan et al. 2020, Scaling Laws for Neural Language Models, §2.1: 2·N per token
 * forward, twice that backward; the attention term that grows with the context is left out).
 */

export interface Accelerator {
  id: string;
  name: string;
  /** Published dense peak for 16-bit matrix math (bf16, or fp16 where there is no bf16), in TFLOP/s. */
  peakTflops: number;
  source: string;
}

/** Peaks without structured sparsity (the datasheets print twice these "with sparsity"). */
export const ACCELERATORS: readonly Accelerator[] = [
  { id: 'v100', name: 'NVIDIA V100', peakTflops: 125, source: 'NVIDIA Tesla V100 数据手册：SXM2 版 fp16 Tensor 125 TFLOPS（V100 不支持 bf16）' },
  { id: 'a100', name: 'NVIDIA A100', peakTflops: 312, source: 'NVIDIA A100 Tensor Core GPU 数据手册：bf16 Tensor 312 TFLOPS（稀疏 624）' },
  {
    id: 'h100',
    name: 'NVIDIA H100 SXM',
    peakTflops: 989,
    source: 'NVIDIA H100 Tensor Core GPU 数据手册：SXM 版 bf16 Tensor 1,979 TFLOPS 为稀疏值，稠密为其一半，约 989',
  },
  { id: 'tpu-v4', name: 'Google TPU v4', peakTflops: 275, source: 'Google Cloud TPU v4 文档：每芯片 bf16 峰值 275 TFLOPS' },
];

/** Training FLOPs C = 6·N·D. */
export const trainingFlops = (params: number, tokens: number): number => 6 * params * tokens;

/** Chinchilla's compute-optimal rule of thumb D ≈ 20·N tokens (Hoffmann et al. 2022), used when a model's token count is unpublished. */
export const chinchillaTokens = (params: number): number => 20 * params;

/** Sustained FLOP/s of `count` accelerators at `utilisation` (0–1] of their peak. */
const sustained = (a: Accelerator, count: number, utilisation: number): number => a.peakTflops * 1e12 * count * utilisation;

/** Seconds to do `flops` on `count` accelerators at `utilisation` (a fraction, e.g. 0.4). */
export const trainingSeconds = (flops: number, a: Accelerator, count: number, utilisation: number): number => flops / sustained(a, count, utilisation);

/** Fewest accelerators that do `flops` within `seconds` at `utilisation`: ⌈C / (peak·u·t)⌉, at least 1. */
export const acceleratorsNeeded = (flops: number, a: Accelerator, utilisation: number, seconds: number): number =>
  Math.max(1, Math.ceil(flops / sustained(a, 1, utilisation) / seconds));
