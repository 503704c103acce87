/**
 * Each stepper step as a formula and the same formula with the live numbers substituted,
 * one line per unit or weight. A line is a list of parts, so one description yields both the
 * plain text announced to screen readers and the TeX that KaTeX typesets (see explain-tex.ts).
 * σ′ is written out as a(1 − a): the stepper's network uses the sigmoid.
 */
import type { Step } from './stepper';
import type { Trace } from './trace';

/** A number to show, a symbol with its TeX and its Unicode spelling, or text valid in both. */
export type Part = number | { tex: string; text: string } | string;
export type Line = Part[];

export interface Explanation {
  formula: Line;
  lines: Line[];
}

export const fmt = (v: number) => (Object.is(v, -0) ? 0 : v).toFixed(4).replace('-', '−');
const sym = (tex: string, text: string) => ({ tex, text });
const sup = (n: number) => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
const sub = (n: number) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);

const DOT = sym('\\cdot ', '·');
const TIMES = sym('\\times ', '×');
const MINUS = sym('-', '−');
const SEP = sym('\\quad ', '，');
const SIGMA = sym('\\sigma', 'σ');
const LOSS = sym('\\mathcal{L}', 'ℒ');
/** x with unit index i (1-based) and, optionally, layer l as a superscript: z⁽ˡ⁾ᵢ. */
const v = (name: string, i?: number, l?: number, j?: number) =>
  sym(
    `${name}${l !== undefined ? `^{(${l})}` : ''}${i !== undefined ? `_{${i}${j ?? ''}}` : ''}`,
    `${name.replace('\\delta', 'δ')}${l !== undefined ? `⁽${sup(l)}⁾` : ''}${i !== undefined ? sub(i) + (j !== undefined ? sub(j) : '') : ''}`,
  );
/** A number in parentheses, so a negative one after an operator reads 0.5 + (−0.2), not 0.5 + −0.2. */
export const paren = (x: number): Part[] => ['(', x, ')'];
const joined = (groups: Part[][], by: Part): Part[] => groups.flatMap((g, k) => (k ? [' ', by, ' ', ...g] : g));
const grad = (name: string, l: number, i: number, j?: number): Part[] => [sym('\\partial\\mathcal{L}/\\partial ', '∂ℒ/∂'), v(name, i, l, j)];

export function explainStep(step: Step, t: Trace): Explanation {
  const L = t.W.length;
  switch (step.kind) {
    case 'forward': {
      const l = step.layer!;
      const lines = t.z[l - 1].map((z, i): Line => {
        const terms = joined(
          t.W[l - 1][i].map((w, j) => [...paren(w), DOT, ...paren(t.a[l - 1][j])]),
          '+',
        );
        return [v('z', i + 1), ' = ', ...terms, ' + ', ...paren(t.b[l - 1][i]), ' = ', z, SEP, v('a', i + 1), ' = ', SIGMA, '(', z, ') = ', t.a[l][i]];
      });
      const formula: Line = [
        v('z', undefined, l),
        ' = ',
        v('W', undefined, l),
        v('a', undefined, l - 1),
        ' + ',
        v('b', undefined, l),
        SEP,
        v('a', undefined, l),
        ' = ',
        SIGMA,
        '(',
        v('z', undefined, l),
        ')',
      ];
      return { formula, lines };
    }
    case 'loss': {
      const terms = joined(
        t.yHat.map((p, i) => ['(', p, ' ', MINUS, ' ', t.y[i], sym(')^2', ')²')]),
        '+',
      );
      return {
        formula: [LOSS, ' = ', sym('\\tfrac12\\lVert\\hat y - y\\rVert^2', '½‖ŷ − y‖²')],
        lines: [[LOSS, ' = ', sym('\\tfrac12', '½'), ' ', TIMES, ' ', ...terms, ' = ', t.loss]],
      };
    }
    case 'delta': {
      const l = step.layer!;
      const lines = t.delta[l - 1].map((d, i): Line => {
        const s = t.a[l][i] * (1 - t.a[l][i]);
        const back: Part[] =
          l === L
            ? ['(', t.yHat[i], ' ', MINUS, ' ', t.y[i], ')']
            : [
                '(',
                ...joined(
                  t.W[l].map((row, k) => [...paren(row[i]), DOT, ...paren(t.delta[l][k])]),
                  '+',
                ),
                ')',
              ];
        return [v('\\delta', i + 1), ' = ', ...back, ' ', TIMES, ' ', sym("\\sigma'", 'σ′'), '(', t.z[l - 1][i], ') = ', ...back, ' ', TIMES, ' ', s, ' = ', d];
      });
      const prime = sym(`\\odot\\sigma'(z^{(${l})})`, `⊙ σ′(z⁽${sup(l)}⁾)`);
      const formula: Line =
        l === L
          ? [v('\\delta', undefined, l), ' = (', v('a', undefined, l), ' ', MINUS, ' y) ', prime]
          : [v('\\delta', undefined, l), ' = ', sym(`(W^{(${l + 1})})^{\\mathsf T}`, `(W⁽${sup(l + 1)}⁾)ᵀ`), v('\\delta', undefined, l + 1), ' ', prime];
      return { formula, lines };
    }
    case 'gradients':
      return {
        formula: [
          sym('\\partial\\mathcal{L}/\\partial W^{(l)} = \\delta^{(l)}(a^{(l-1)})^{\\mathsf T}', '∂ℒ/∂W⁽ˡ⁾ = δ⁽ˡ⁾(a⁽ˡ⁻¹⁾)ᵀ'),
          SEP,
          sym('\\partial\\mathcal{L}/\\partial b^{(l)} = \\delta^{(l)}', '∂ℒ/∂b⁽ˡ⁾ = δ⁽ˡ⁾'),
        ],
        lines: t.dW.flatMap((Wl, l) => [
          ...Wl.flatMap((row, i) =>
            row.map((g, j): Line => [...grad('W', l + 1, i + 1, j + 1), ' = ', ...paren(t.delta[l][i]), DOT, ...paren(t.a[l][j]), ' = ', g]),
          ),
          ...t.db[l].map((g, i): Line => [...grad('b', l + 1, i + 1), ' = ', g]),
        ]),
      };
    case 'update':
      return {
        formula: [
          sym('W \\leftarrow W - \\alpha\\,\\partial\\mathcal{L}/\\partial W', 'W ← W − α∂ℒ/∂W'),
          SEP,
          sym('b \\leftarrow b - \\alpha\\,\\partial\\mathcal{L}/\\partial b', 'b ← b − α∂ℒ/∂b'),
          SEP,
          sym('\\alpha', 'α'),
          ' = ',
          t.alpha,
        ],
        lines: t.W.flatMap((Wl, l) => [
          ...Wl.flatMap((row, i) =>
            row.map((w, j): Line => [
              v('W', i + 1, l + 1, j + 1),
              ': ',
              w,
              ' ',
              MINUS,
              ' ',
              t.alpha,
              ' ',
              TIMES,
              ' ',
              ...paren(t.dW[l][i][j]),
              ' = ',
              t.nextW[l][i][j],
            ]),
          ),
          ...t.b[l].map((b, i): Line => [v('b', i + 1, l + 1), ': ', b, ' ', MINUS, ' ', t.alpha, ' ', TIMES, ' ', ...paren(t.db[l][i]), ' = ', t.nextB[l][i]]),
        ]),
      };
  }
}

/** The plain-text spelling of a line, numbers to four decimals with a true minus sign. */
export const lineText = (line: Line) => line.map((p) => (typeof p === 'number' ? fmt(p) : typeof p === 'string' ? p : p.text)).join('');

/** The numbers of a line in reading order: what the typeset line's slots are filled with. */
export const lineNumbers = (line: Line) => line.filter((p): p is number => typeof p === 'number');
