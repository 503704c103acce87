/**
 * A network as the article writes it, y = f(σ(W₂·σ(W₁·x + b₁) + b₂)), generalised to any depth:
 * every layer l = 1…L computes z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = σ(z⁽ˡ⁾); the prediction is ŷ = f(a⁽ᴸ⁾).
 */
export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export const OUTPUTS = ['identity', 'sigmoid'] as const;
export type OutputFn = (typeof OUTPUTS)[number];
export type Loss = 'squared' | 'bce';

export interface NetworkSpec {
  /** Units per layer, input first: [2, 4, 2, 1] is 2 inputs, hidden 4 and 2, 1 output. */
  sizes: number[];
  activation: Activation;
  output: OutputFn;
  loss: Loss;
}

/**
 * How big a network may be, the one source for the training widget's selects, its link decoder
 * and `specErrors`: 1–4 hidden layers of 1–8 units, up to 8 inputs. `specErrors` also allows
 * no hidden layer at all (inputs straight to the output layer), so layers, output included,
 * number 1 to maxHidden + 1.
 */
export const LIMITS = { minUnits: 1, maxUnits: 8, maxInputs: 8, minHidden: 1, maxHidden: 4 } as const;

const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
/** The hidden-layer counts a reader can choose: 1…4. */
export const HIDDEN_LAYER_CHOICES = range(LIMITS.minHidden, LIMITS.maxHidden);
/** The units per hidden layer a reader can choose: 1…8. */
export const UNIT_CHOICES = range(LIMITS.minUnits, LIMITS.maxUnits);

/** Every problem with a spec, in words a reader can act on; empty when the spec is usable. */
export function specErrors(spec: NetworkSpec): string[] {
  const errors: string[] = [];
  const { sizes } = spec;
  // sizes = [inputs, ...hidden, output]: 0…maxHidden hidden layers.
  if (sizes.length < 2 || sizes.length > LIMITS.maxHidden + 2) {
    errors.push(`层数必须在 1 到 ${LIMITS.maxHidden + 1} 之间（不含输入层）。`);
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
