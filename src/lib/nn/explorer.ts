/**
 * The §4.1 forward explorer: y = f(σ(W₂·σ(W₁·x + b₁) + b₂)) for a 2-2-1 network whose every
 * number the reader can type. Field keys double as URL keys (`#fx.w112=0.3`).
 */
import { fmt } from './explain';
import { ACTIVATIONS, OUTPUTS, type Activation, type NetworkSpec, type OutputFn } from './spec';
import type { FieldParsers } from './url-fields';
import { numberFields, type NumberRules } from './url-numbers';
import { choiceField } from './validate';
import type { Trace } from './trace';

export const EXPLORER_PREFIX = 'fx';
export const EXPLORER_KEYS = ['x1', 'x2', 'w111', 'w112', 'w121', 'w122', 'b11', 'b12', 'w211', 'w212', 'b21'] as const;
export type ExplorerKey = (typeof EXPLORER_KEYS)[number];

export const EXPLORER_DEFAULTS: Record<ExplorerKey, number> = {
  x1: 1,
  x2: 0.5,
  w111: 0.4,
  w112: -0.6,
  w121: 0.7,
  w122: 0.2,
  b11: 0.1,
  b12: -0.1,
  w211: 1.2,
  w212: -0.8,
  b21: 0.05,
};

const LABELS: Record<ExplorerKey, string> = {
  x1: 'x₁',
  x2: 'x₂',
  w111: 'W₁[1,1]',
  w112: 'W₁[1,2]',
  w121: 'W₁[2,1]',
  w122: 'W₁[2,2]',
  b11: 'b₁[1]',
  b12: 'b₁[2]',
  w211: 'W₂[1,1]',
  w212: 'W₂[1,2]',
  b21: 'b₂',
};
export const EXPLORER_RULES = Object.fromEntries(EXPLORER_KEYS.map((k) => [k, { min: -10, max: 10, name: LABELS[k] }])) as NumberRules<ExplorerKey>;

/** Everything a link can set (`#fx.w112=0.3&fx.act=tanh&fx.out=sigmoid`), and what each field accepts. */
export type ExplorerSettings = Record<ExplorerKey, number> & { act: Activation; out: OutputFn };
export const EXPLORER_FIELDS: FieldParsers<ExplorerSettings> = {
  ...numberFields(EXPLORER_RULES),
  act: choiceField(ACTIVATIONS, '激活函数'),
  out: choiceField(OUTPUTS, '输出函数'),
};

export function explorerSpec(activation: Activation, output: OutputFn): NetworkSpec {
  return { sizes: [2, 2, 1], activation, output, loss: 'squared' };
}

export function explorerArrays(v: Record<ExplorerKey, number>): { x: number[]; W: number[][][]; b: number[][] } {
  return {
    x: [v.x1, v.x2],
    W: [
      [
        [v.w111, v.w112],
        [v.w121, v.w122],
      ],
      [[v.w211, v.w212]],
    ],
    b: [[v.b11, v.b12], [v.b21]],
  };
}

/** The §4.1 formula with the reader's numbers substituted, one line per layer, then ŷ. */
export function explainForward(v: Record<ExplorerKey, number>, t: Pick<Trace, 'z' | 'a' | 'yHat'>, act: Activation, out: OutputFn): string[] {
  const { W, b } = explorerArrays(v);
  const p = (n: number) => `(${fmt(n)})`;
  const layer = (l: number) =>
    t.z[l].map((z, i) => {
      const sum = W[l][i].map((w, j) => `${p(w)}${p(t.a[l][j])}`).join(' + ');
      return `z${l + 1}[${i + 1}] = ${sum} + ${p(b[l][i])} = ${fmt(z)}，a${l + 1}[${i + 1}] = ${act}(${fmt(z)}) = ${fmt(t.a[l + 1][i])}`;
    });
  return [...layer(0), ...layer(1), `y = ${out === 'identity' ? '' : 'sigmoid'}(${fmt(t.a[2][0])}) = ${fmt(t.yHat[0])}`];
}
