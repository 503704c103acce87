/**
 * Steps 1–6 of the attention stepper explained: the attention head itself, from the input
 * embedding to the attention-weighted sum of values, at the last position T (hand-explain.ts).
 */
import type { HandSteps } from './hand';
import { ARROW, paren, SEP, sym, T1, v, type StepLines } from './hand-parts';

/** Step 1: the token plus position embedding x⁽⁰⁾ at T. */
function embedStep(s: HandSteps, T: number): StepLines {
  return {
    formula: [sym('x^{(0)}_i = E_{c_i} + P_i', 'x⁽⁰⁾ᵢ = E[cᵢ] + P[i]')],
    lines: [[sym('x^{(0)}', 'x⁽⁰⁾'), T1, ' = ', s.embeddings.token[T][0], ' + ', ...paren(s.embeddings.position[T][0]), ' = ', s.embeddings.sum[T][0]]],
  };
}

/** Step 2: LN₁, then the query, key and value projections at T. */
function qkvStep(s: HandSteps, T: number): StepLines {
  return {
    formula: [
      sym('u = \\operatorname{LN}_1(x)', 'u = LN₁(x)'),
      SEP,
      sym('Q = uW_Q + b_Q,\\; K = uW_K + b_K,\\; V = uW_V + b_V', 'Q = uW_Q + b_Q，K = uW_K + b_K，V = uW_V + b_V'),
    ],
    lines: [
      [
        ...v('u', 'u', T1),
        ' = ',
        s.qkv.u[T][0],
        SEP,
        ...v('q', 'q', T1),
        ' = ',
        s.qkv.q[T][0],
        SEP,
        ...v('k', 'k', T1),
        ' = ',
        s.qkv.k[T][0],
        SEP,
        ...v('v', 'v', T1),
        ' = ',
        s.qkv.v[T][0],
      ],
    ],
  };
}

/** Step 3: the scaled dot product S[T,1] = q_T·k_1/√d_k (d_k read from the shapes). */
function scoreStep(s: HandSteps, T: number): StepLines {
  const dk = s.qkv.q[0].length;
  const dot = s.qkv.q[T].reduce((a, q, j) => a + q * s.qkv.k[0][j], 0);
  return {
    formula: [sym('S = \\dfrac{QK^{\\top}}{\\sqrt{d_k}}', 'S = QKᵀ/√d_k')],
    lines: [
      [sym('S_{T,1} = \\dfrac{q_T \\cdot k_1}{\\sqrt{d_k}}', 'S[T,1] = q_T·k_1/√d_k'), ' = ', dot, sym(' / ', ' / '), Math.sqrt(dk), ARROW, s.scores[T][0]],
    ],
  };
}

/** Step 4: the causal mask (0 on and below the diagonal, −∞ above). */
function maskStep(s: HandSteps, T: number): StepLines {
  return {
    formula: [
      sym(
        "S' = S + M,\\quad M_{ij} = \\begin{cases} 0, & j \\le i \\\\ -\\infty, & j > i \\end{cases}",
        'S′ = S + M，j ≤ i 时 M[i,j] = 0，j > i 时 M[i,j] = −∞',
      ),
    ],
    lines: [[sym("S'_{T,1} = S_{T,1} + 0", 'S′[T,1] = S[T,1] + 0'), ' = ', s.masked[T][0], SEP, sym("S'_{1,j} = -\\infty\\ (j > 1)", 'S′[1,j] = −∞（j > 1）')]],
  };
}

/** Step 5: the row softmax at T, and its row sum (1). */
function softmaxStep(s: HandSteps, T: number): StepLines {
  const exps = s.masked[T].map(Math.exp);
  return {
    formula: [sym("A_{ij} = \\dfrac{e^{S'_{ij}}}{\\sum_{j'} e^{S'_{ij'}}}", 'A[i,j] = exp(S′[i,j]) / Σⱼ′ exp(S′[i,j′])')],
    lines: [
      [
        sym("A_{T,1} = \\dfrac{e^{S'_{T,1}}}{\\sum_{j} e^{S'_{T,j}}}", 'A[T,1] = exp(S′[T,1]) / Σⱼ exp(S′[T,j])'),
        ' = ',
        exps[0],
        sym(' / ', ' / '),
        exps.reduce((a, b) => a + b, 0),
        ARROW,
        s.weights[T][0],
      ],
      [sym('\\sum_{j} A_{T,j}', 'Σⱼ A[T,j]'), ' = ', s.weights[T].reduce((a, b) => a + b, 0)],
    ],
  };
}

/** Step 6: the head's output, the attention-weighted sum of values. */
function weightedSumStep(s: HandSteps, T: number): StepLines {
  return {
    formula: [sym('\\operatorname{head} = AV', 'head = AV')],
    lines: [[sym('\\operatorname{head}_{T,1} = \\sum_{j} A_{T,j} v_{j,1}', 'head[T,1] = Σⱼ A[T,j]·v[j,1]'), ' = ', s.weighted[T][0]]],
  };
}

/** Steps 1–6, in order. */
export const HEAD_STEPS = [embedStep, qkvStep, scoreStep, maskStep, softmaxStep, weightedSumStep];
