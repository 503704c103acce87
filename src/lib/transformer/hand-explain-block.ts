/**
 * Steps 7–10 of the attention stepper explained: the rest of the block around the head (W_O,
 * residual and LayerNorm, MLP) and the next-character distribution, at the last position T
 * (hand-explain.ts).
 */
import type { HandSteps } from './hand';
import { mean, paren, SEP, sym, T1, type StepLines } from './hand-parts';

/** Step 7: the heads concatenated and projected by W_O. */
function concatStep(s: HandSteps, T: number): StepLines {
  return {
    formula: [
      sym(
        '\\operatorname{MultiHead} = \\operatorname{Concat}(\\operatorname{head}_1, \\dots, \\operatorname{head}_h)\\,W_O + b_O',
        'MultiHead = Concat(head₁, …, head_h)·W_O + b_O',
      ),
    ],
    lines: [
      [
        sym('\\operatorname{Concat}', 'Concat'),
        T1,
        ' = ',
        s.joined.heads[T][0],
        SEP,
        sym('\\operatorname{MultiHead}', 'MultiHead'),
        T1,
        ' = ',
        s.joined.projected[T][0],
      ],
    ],
  };
}

/** Step 8: the residual sum h and LN₂ with its mean and variance at T. */
function residualStep(s: HandSteps, T: number): StepLines {
  const h = s.residual.sum[T];
  const mu = mean(h);
  return {
    formula: [
      sym('h = x + \\operatorname{MultiHead}', 'h = x + MultiHead'),
      SEP,
      sym('\\operatorname{LN}_2(h) = \\gamma \\odot \\dfrac{h - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta', 'LN₂(h) = γ ⊙ (h − μ)/√(σ² + ε) + β'),
    ],
    lines: [
      [sym('h', 'h'), T1, ' = ', s.embeddings.x[T][0], ' + ', ...paren(s.joined.projected[T][0]), ' = ', h[0]],
      [
        sym('\\mu_T', 'μ_T'),
        ' = ',
        mu,
        SEP,
        sym('\\sigma^2_T', 'σ²_T'),
        ' = ',
        mean(h.map((x) => (x - mu) ** 2)),
        SEP,
        sym('\\operatorname{LN}_2(h)', 'LN₂(h)'),
        T1,
        ' = ',
        s.residual.normed[T][0],
      ],
    ],
  };
}

/** Step 9: the MLP (GELU) and its residual output y. */
function mlpStep(s: HandSteps, T: number): StepLines {
  return {
    formula: [
      sym('z = \\operatorname{GELU}(\\operatorname{LN}_2(h)\\,W_1 + b_1)', 'z = GELU(LN₂(h)·W₁ + b₁)'),
      SEP,
      sym('y = h + zW_2 + b_2', 'y = h + z·W₂ + b₂'),
    ],
    lines: [
      [
        sym('z', 'z'),
        T1,
        ' = ',
        s.mlp.hidden[T][0],
        SEP,
        sym('(zW_2 + b_2)', '(z·W₂ + b₂)'),
        T1,
        ' = ',
        s.mlp.out[T][0],
        SEP,
        sym('y', 'y'),
        T1,
        ' = ',
        s.mlp.output[T][0],
      ],
    ],
  };
}

/** Step 10: the next-character distribution p_T (its largest value and its sum). */
function outputStep(s: HandSteps, T: number): StepLines {
  return {
    formula: [sym('p = \\operatorname{softmax}\\big(\\operatorname{LN}_f(y^{(N)})\\,E^{\\top} + b\\big)', 'p = softmax(LN_f(y⁽ᴺ⁾)·Eᵀ + b)')],
    lines: [
      [
        sym('\\max_c\\, p_T(c)', 'max_c p_T(c)'),
        ' = ',
        Math.max(...s.next[T]),
        SEP,
        sym('\\sum_c p_T(c)', 'Σ_c p_T(c)'),
        ' = ',
        s.next[T].reduce((a, b) => a + b, 0),
      ],
    ],
  };
}

/** Steps 7–10, in order. */
export const BLOCK_STEPS = [concatStep, residualStep, mlpStep, outputStep];
