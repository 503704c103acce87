/**
 * Small matrices as plain number arrays, in float64: what the attention stepper shows and what
 * the tests recompute the model with, independently of TF.js. Rows are positions.
 */
import { LN_EPSILON } from './layers';

export type Vector = number[];
export type Matrix = number[][];

/** a [n, m] · b [m, p] → [n, p]. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const p = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(p).fill(0);
    row.forEach((x, k) => {
      const bk = b[k];
      for (let j = 0; j < p; j++) out[j] += x * bk[j];
    });
    return out;
  });
}

export const transpose = (a: Matrix): Matrix => (a[0] ?? []).map((_, j) => a.map((row) => row[j]));
export const add = (a: Matrix, b: Matrix): Matrix => a.map((row, i) => row.map((x, j) => x + b[i][j]));
export const addRow = (a: Matrix, v: Vector): Matrix => a.map((row) => row.map((x, j) => x + v[j]));
export const scale = (a: Matrix, s: number): Matrix => a.map((row) => row.map((x) => x * s));
/** Columns from … to−1 of every row. */
export const columns = (a: Matrix, from: number, to: number): Matrix => a.map((row) => row.slice(from, to));

/** x·W + b, row by row. */
export const affine = (x: Matrix, w: Matrix, b: Vector): Matrix => addRow(matmul(x, w), b);

/** LayerNorm of each row (Ba et al. 2016): γ ⊙ (x − μ)/√(σ² + ε) + β, σ² the biased variance. */
export function layerNorm(x: Matrix, gamma: Vector, beta: Vector): Matrix {
  return x.map((row) => {
    const mean = row.reduce((s, v) => s + v, 0) / row.length;
    const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / row.length;
    const inv = 1 / Math.sqrt(variance + LN_EPSILON);
    return row.map((v, j) => (v - mean) * inv * gamma[j] + beta[j]);
  });
}

/** GELU, tanh form (Hendrycks & Gimpel 2016): ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
export const gelu = (x: number): number => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));

/** Softmax of one row, shifted by its maximum; −∞ entries get exactly 0. */
export function softmax(row: Vector): Vector {
  const max = Math.max(...row);
  const e = row.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/** The causal mask applied to square scores: −∞ above the diagonal (a query's future), the score elsewhere. */
export const maskFuture = (scores: Matrix): Matrix => scores.map((row, i) => row.map((v, j) => (j > i ? -Infinity : v)));
