/**
 * A network as the article writes it, y = f(σ(W₂·σ(W₁·x + b₁) + b₂)), generalised to any depth:
 * every layer l = 1…L computes z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = σ(z⁽ˡ⁾); the prediction is ŷ = f(a⁽ᴸ⁾).
 */
export type Activation = 'sigmoid' | 'tanh' | 'relu';
export type OutputFn = 'identity' | 'sigmoid';
export type Loss = 'squared' | 'bce';

export interface NetworkSpec {
  /** Units per layer, input first: [2, 4, 2, 1] is 2 inputs, hidden 4 and 2, 1 output. */
  sizes: number[];
  activation: Activation;
  output: OutputFn;
  loss: Loss;
}

export const LIMITS = { minUnits: 1, maxUnits: 8, maxInputs: 8, minLayers: 1, maxLayers: 5 } as const;

/** Every problem with a spec, in words a reader can act on; empty when the spec is usable. */
export function specErrors(spec: NetworkSpec): string[] {
  const errors: string[] = [];
  const { sizes } = spec;
  if (sizes.length < LIMITS.minLayers + 1 || sizes.length > LIMITS.maxLayers + 1) {
    errors.push(`层数必须在 ${LIMITS.minLayers} 到 ${LIMITS.maxLayers} 之间（不含输入层）。`);
  }
  sizes.forEach((n, i) => {
    const max = i === 0 ? LIMITS.maxInputs : LIMITS.maxUnits;
    if (!Number.isInteger(n) || n < LIMITS.minUnits || n > max) {
      errors.push(`第 ${i} 层的神经元数必须是 ${LIMITS.minUnits} 到 ${max} 之间的整数，收到 ${n}。`);
    }
  });
  // BCE needs ŷ in (0, 1): f = sigmoid, or f = identity over a sigmoid last layer.
  if (spec.loss === 'bce' && spec.output !== 'sigmoid' && spec.activation !== 'sigmoid') {
    errors.push('交叉熵损失要求输出落在 (0, 1) 之间：请选 sigmoid 输出函数或 sigmoid 激活函数。');
  }
  return errors;
}
