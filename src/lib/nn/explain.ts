/**
 * Each stepper step as a formula and the same formula with the live numbers substituted,
 * one line per unit or weight. Pure strings, so the widget only lays them out.
 * σ′ is written out as a(1 − a): the stepper's network uses the sigmoid.
 */
import type { Step } from './stepper';
import type { Trace } from './trace';

export const fmt = (v: number) => (Object.is(v, -0) ? 0 : v).toFixed(4).replace('-', '−');
const sup = (n: number) => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
const sub = (n: number) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
const paren = (v: number) => `(${fmt(v)})`;

export interface Explanation {
  formula: string;
  lines: string[];
}

export function explainStep(step: Step, t: Trace): Explanation {
  const L = t.W.length;
  switch (step.kind) {
    case 'forward': {
      const l = step.layer!;
      const lines = t.z[l - 1].map((z, i) => {
        const terms = t.W[l - 1][i].map((w, j) => `${paren(w)}·${paren(t.a[l - 1][j])}`).join(' + ');
        return `z${sub(i + 1)} = ${terms} + ${paren(t.b[l - 1][i])} = ${fmt(z)}，a${sub(i + 1)} = σ(${fmt(z)}) = ${fmt(t.a[l][i])}`;
      });
      return { formula: `z⁽${sup(l)}⁾ = W⁽${sup(l)}⁾a⁽${sup(l - 1)}⁾ + b⁽${sup(l)}⁾，a⁽${sup(l)}⁾ = σ(z⁽${sup(l)}⁾)`, lines };
    }
    case 'loss':
      return {
        formula: 'ℒ = ½‖ŷ − y‖²',
        lines: [`ℒ = ½ × ${t.yHat.map((p, i) => `(${fmt(p)} − ${fmt(t.y[i])})²`).join(' + ')} = ${fmt(t.loss)}`],
      };
    case 'delta': {
      const l = step.layer!;
      const lines = t.delta[l - 1].map((d, i) => {
        const s = t.a[l][i] * (1 - t.a[l][i]);
        const back = l === L ? `(${fmt(t.yHat[i])} − ${fmt(t.y[i])})` : `(${t.W[l].map((row, k) => `${paren(row[i])}·${paren(t.delta[l][k])}`).join(' + ')})`;
        return `δ${sub(i + 1)} = ${back} × σ′(${fmt(t.z[l - 1][i])}) = ${back} × ${fmt(s)} = ${fmt(d)}`;
      });
      const formula = l === L ? `δ⁽${sup(l)}⁾ = (a⁽${sup(l)}⁾ − y) ⊙ σ′(z⁽${sup(l)}⁾)` : `δ⁽${sup(l)}⁾ = (W⁽${sup(l + 1)}⁾)ᵀδ⁽${sup(l + 1)}⁾ ⊙ σ′(z⁽${sup(l)}⁾)`;
      return { formula, lines };
    }
    case 'gradients':
      return {
        formula: '∂ℒ/∂W⁽ˡ⁾ = δ⁽ˡ⁾(a⁽ˡ⁻¹⁾)ᵀ，∂ℒ/∂b⁽ˡ⁾ = δ⁽ˡ⁾',
        lines: t.dW.flatMap((Wl, l) => [
          ...Wl.flatMap((row, i) => row.map((g, j) => `∂ℒ/∂W⁽${sup(l + 1)}⁾${sub(i + 1)}${sub(j + 1)} = ${paren(t.delta[l][i])}·${paren(t.a[l][j])} = ${fmt(g)}`)),
          ...t.db[l].map((g, i) => `∂ℒ/∂b⁽${sup(l + 1)}⁾${sub(i + 1)} = ${fmt(g)}`),
        ]),
      };
    case 'update':
      return {
        formula: `W ← W − α∂ℒ/∂W，b ← b − α∂ℒ/∂b（α = ${t.alpha}）`,
        lines: t.W.flatMap((Wl, l) => [
          ...Wl.flatMap((row, i) => row.map((w, j) => `W⁽${sup(l + 1)}⁾${sub(i + 1)}${sub(j + 1)}: ${fmt(w)} − ${t.alpha} × ${paren(t.dW[l][i][j])} = ${fmt(t.nextW[l][i][j])}`)),
          ...t.b[l].map((v, i) => `b⁽${sup(l + 1)}⁾${sub(i + 1)}: ${fmt(v)} − ${t.alpha} × ${paren(t.db[l][i])} = ${fmt(t.nextB[l][i])}`),
        ]),
      };
  }
}
