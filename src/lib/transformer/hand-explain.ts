/**
 * The attention stepper's ten steps in words and equations: each step's general formula and one
 * line of live numbers, taken at the last position T, the first key position and the first
 * coordinate (so a reader can follow one number through by hand). Lines are lists of parts as in
 * the §4.2 stepper (lib/nn/explain.ts): text for screen readers, TeX typeset at build time with
 * the numbers left as slots (hand-tex.ts). The parts' structure depends on nothing but the step.
 * Steps 1–6 (the head) are in hand-explain-head.ts, 7–10 (the rest of the block) in hand-explain-block.ts.
 */
import { formatSci } from '../scale/format';
import type { HandSteps } from './hand';
import { BLOCK_STEPS } from './hand-explain-block';
import { HEAD_STEPS } from './hand-explain-head';
import type { StepLines } from './hand-parts';

/** How close the hand computation must come to the model's forward pass for the ✓: float32 against float64 leaves about 1e-7. */
export const HAND_CHECK_TOLERANCE = 1e-4;

/**
 * The line under the steps that checks them (hand.ts checkAgainstForward's `diff`, the largest
 * |difference|): ✓ within HAND_CHECK_TOLERANCE, else ✗, and the difference in the book's number
 * format (scale/format.ts formatSci: "8.33 × 10⁻⁸"), never a program's "8.33e-8".
 */
export const forwardCheckLine = (diff: number): string =>
  `与模型自身的前向计算（TF.js）一致 ${diff < HAND_CHECK_TOLERANCE ? '✓' : '✗'}（最大差值 ${formatSci(diff, 3)}）`;

export interface HandExplanation extends StepLines {
  /** Step name, as the page titles it. */
  title: string;
}

/** The step titles, 1-based order: shown on the buttons' status and in the static figure. */
export const HAND_STEP_TITLES = [
  '词向量加位置向量',
  '算出 Q、K、V',
  '打分 QKᵀ/√d_k',
  '因果掩码',
  '逐行 softmax',
  '加权求和 AV',
  '拼接各头，乘 W_O',
  '残差与 LayerNorm',
  'MLP',
  '下一个字的概率分布',
] as const;

const STEPS = [...HEAD_STEPS, ...BLOCK_STEPS];

/**
 * Step `k` (1 … 10) of `s` explained. d_k is read from the shapes. Pure: the same steps give
 * the same lines. Throws RangeError for k outside 1 … 10.
 */
export function explainHandStep(k: number, s: HandSteps): HandExplanation {
  const T = s.ids.length - 1;
  const explain = Number.isInteger(k) ? STEPS[k - 1] : undefined;
  if (!explain) throw new RangeError(`没有第 ${k} 步`);
  return { title: HAND_STEP_TITLES[k - 1], ...explain(s, T) };
}
