/**
 * The order in which the §4.2 stepper reveals a pass, and what each step highlights:
 * forward layer 1…L → loss → δ⁽ᴸ⁾ … δ⁽¹⁾ → gradients → update.
 * Node ids are `n{layer}-{unit}` (layer 0 is the input); edge ids `e{l}-{i}-{j}` stand for W⁽ˡ⁾ᵢⱼ.
 */
import type { NetworkSpec } from './spec';
import type { FieldParsers } from './url-fields';
import { numberFields, type NumberRules } from './url-numbers';
import { SEED_RULE } from './validate';

/** The §4.1 network the stepper walks through: 2-2-1, sigmoid, squared error. */
export const STEPPER_SPEC: NetworkSpec = { sizes: [2, 2, 1], activation: 'sigmoid', output: 'identity', loss: 'squared' };

export type StepKind = 'forward' | 'loss' | 'delta' | 'gradients' | 'update';

export interface Step {
  kind: StepKind;
  /** 1-based layer for forward and delta steps. */
  layer?: number;
  /** Short Chinese label, also announced to screen readers. */
  label: string;
  nodes: string[];
  edges: string[];
}

const unitIds = (layer: number, n: number) => Array.from({ length: n }, (_, i) => `n${layer}-${i}`);
function edgeIds(layer: number, sizes: number[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < sizes[layer]; i++) for (let j = 0; j < sizes[layer - 1]; j++) ids.push(`e${layer}-${i}-${j}`);
  return ids;
}

export function planSteps(sizes: number[]): Step[] {
  const L = sizes.length - 1;
  const all = (f: (l: number) => string[]) => Array.from({ length: L }, (_, k) => f(k + 1)).flat();
  const steps: Step[] = [];
  for (let l = 1; l <= L; l++) {
    steps.push({
      kind: 'forward',
      layer: l,
      label: `前向传播：第 ${l} 层`,
      nodes: [...unitIds(l - 1, sizes[l - 1]), ...unitIds(l, sizes[l])],
      edges: edgeIds(l, sizes),
    });
  }
  steps.push({ kind: 'loss', label: '计算损失', nodes: unitIds(L, sizes[L]), edges: [] });
  for (let l = L; l >= 1; l--) {
    const from = l === L ? [] : unitIds(l + 1, sizes[l + 1]);
    steps.push({ kind: 'delta', layer: l, label: `反向传播：δ⁽${l}⁾`, nodes: [...from, ...unitIds(l, sizes[l])], edges: l === L ? [] : edgeIds(l + 1, sizes) });
  }
  steps.push({ kind: 'gradients', label: '计算梯度 ∂ℒ/∂W 与 ∂ℒ/∂b', nodes: all((l) => unitIds(l, sizes[l])), edges: all((l) => edgeIds(l, sizes)) });
  steps.push({ kind: 'update', label: '更新参数', nodes: all((l) => unitIds(l, sizes[l])), edges: all((l) => edgeIds(l, sizes)) });
  return steps;
}

/** What a link can set for the stepper: `#bp.seed=3&bp.x1=0.5&bp.x2=-1&bp.y=1&bp.alpha=0.5`. */
export type StepperKey = 'seed' | 'x1' | 'x2' | 'y' | 'alpha';
export const STEPPER_PREFIX = 'bp';
export const STEPPER_DEFAULTS: Record<StepperKey, number> = { seed: 1, x1: 0.5, x2: -1, y: 1, alpha: 0.5 };
export const STEPPER_RULES: NumberRules<StepperKey> = {
  seed: SEED_RULE,
  x1: { min: -10, max: 10, name: '输入 x₁' },
  x2: { min: -10, max: 10, name: '输入 x₂' },
  y: { min: -10, max: 10, name: '目标 y' },
  alpha: { min: 0.0001, max: 10, name: '学习率 α' },
};
/** The stepper's whole list of URL keys, each with its field's parser. */
export const STEPPER_FIELDS: FieldParsers<Record<StepperKey, number>> = numberFields(STEPPER_RULES);
