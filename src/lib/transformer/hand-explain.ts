/**
 * The attention stepper's ten steps in words and equations: each step's general formula and one
 * line of live numbers, taken at the last position T, the first key position and the first
 * coordinate (so a reader can follow one number through by hand). Lines are lists of parts as in
 * the §4.2 stepper (lib/nn/explain.ts): text for screen readers, TeX typeset at build time with
 * the numbers left as slots (hand-tex.ts). The parts' structure depends on nothing but the step.
 */
import type { Line, Part } from '../nn/explain';
import { formatSci } from '../scale/format';
import type { HandSteps } from './hand';

/** How close the hand computation must come to the model's forward pass for the ✓: float32 against float64 leaves about 1e-7. */
export const HAND_CHECK_TOLERANCE = 1e-4;

/**
 * The line under the steps that checks them (hand.ts checkAgainstForward's `diff`, the largest
 * |difference|): ✓ within HAND_CHECK_TOLERANCE, else ✗, and the difference in the book's number
 * format (scale/format.ts formatSci: "8.33 × 10⁻⁸"), never a program's "8.33e-8".
 */
export const forwardCheckLine = (diff: number): string =>
  `与模型自身的前向计算（TF.js）一致 ${diff < HAND_CHECK_TOLERANCE ? '✓' : '✗'}（最大差值 ${formatSci(diff, 3)}）`;

export interface HandExplanation {
  /** Step name, as the page titles it. */
  title: string;
  formula: Line;
  lines: Line[];
}

const sym = (tex: string, text: string) => ({ tex, text });
const SEP = sym('\\quad ', '，');
const T1 = sym('_{T,1}', '[T,1]');
const ARROW = sym('\\;=\\;', ' = ');
const v = (tex: string, text: string, ...rest: Part[]): Part[] => [sym(tex, text), ...rest];

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

const mean = (row: number[]) => row.reduce((a, b) => a + b, 0) / row.length;

/**
 * Step `k` (1 … 10) of `s` explained. d_k is read from the shapes. Pure: the same steps give
 * the same lines. Throws RangeError for k outside 1 … 10.
 */
export function explainHandStep(k: number, s: HandSteps): HandExplanation {
  const T = s.ids.length - 1;
  const dk = s.qkv.q[0].length;
  const title = HAND_STEP_TITLES[k - 1];
  switch (k) {
    case 1:
      return {
        title,
        formula: [sym('x^{(0)}_i = E_{c_i} + P_i', 'x⁽⁰⁾ᵢ = E[cᵢ] + P[i]')],
        lines: [[sym('x^{(0)}', 'x⁽⁰⁾'), T1, ' = ', s.embeddings.token[T][0], ' + ', s.embeddings.position[T][0], ' = ', s.embeddings.sum[T][0]]],
      };
    case 2:
      return {
        title,
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
    case 3: {
      const dot = s.qkv.q[T].reduce((a, q, j) => a + q * s.qkv.k[0][j], 0);
      return {
        title,
        formula: [sym('S = \\dfrac{QK^{\\top}}{\\sqrt{d_k}}', 'S = QKᵀ/√d_k')],
        lines: [
          [sym('S_{T,1} = \\dfrac{q_T \\cdot k_1}{\\sqrt{d_k}}', 'S[T,1] = q_T·k_1/√d_k'), ' = ', dot, sym(' / ', ' / '), Math.sqrt(dk), ARROW, s.scores[T][0]],
        ],
      };
    }
    case 4:
      return {
        title,
        formula: [
          sym(
            "S' = S + M,\\quad M_{ij} = \\begin{cases} 0, & j \\le i \\\\ -\\infty, & j > i \\end{cases}",
            'S′ = S + M，j ≤ i 时 M[i,j] = 0，j > i 时 M[i,j] = −∞',
          ),
        ],
        lines: [
          [sym("S'_{T,1} = S_{T,1} + 0", 'S′[T,1] = S[T,1] + 0'), ' = ', s.masked[T][0], SEP, sym("S'_{1,j} = -\\infty\\ (j > 1)", 'S′[1,j] = −∞（j > 1）')],
        ],
      };
    case 5: {
      const exps = s.masked[T].map(Math.exp);
      return {
        title,
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
    case 6:
      return {
        title,
        formula: [sym('\\operatorname{head} = AV', 'head = AV')],
        lines: [[sym('\\operatorname{head}_{T,1} = \\sum_{j} A_{T,j} v_{j,1}', 'head[T,1] = Σⱼ A[T,j]·v[j,1]'), ' = ', s.weighted[T][0]]],
      };
    case 7:
      return {
        title,
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
    case 8: {
      const h = s.residual.sum[T];
      const mu = mean(h);
      return {
        title,
        formula: [
          sym('h = x + \\operatorname{MultiHead}', 'h = x + MultiHead'),
          SEP,
          sym('\\operatorname{LN}_2(h) = \\gamma \\odot \\dfrac{h - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta', 'LN₂(h) = γ ⊙ (h − μ)/√(σ² + ε) + β'),
        ],
        lines: [
          [sym('h', 'h'), T1, ' = ', s.embeddings.x[T][0], ' + ', s.joined.projected[T][0], ' = ', h[0]],
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
    case 9:
      return {
        title,
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
    case 10:
      return {
        title,
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
    default:
      throw new RangeError(`没有第 ${k} 步`);
  }
}
