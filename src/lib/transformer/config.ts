/**
 * The character-level GPT of 附录 A: its shape, and how many weights that shape has.
 * Decoder-only, pre-LayerNorm, learned positions, GELU MLP (Radford et al. 2019, "Language
 * Models are Unsupervised Multitask Learners", §2.3; Vaswani et al. 2017 for the attention).
 */

export interface TransformerConfig {
  /** Characters in the vocabulary (the §5.2 LSTM's, `<unk>` at id 0). */
  vocabSize: number;
  /** Most characters the model sees at once, T_max. ≥ 48 so a whole 五言律诗 line fits. */
  contextLength: number;
  /** Width of every token vector, d_model. Divisible by `heads`. */
  dModel: number;
  /** Attention heads per layer, h; each head works in d_k = d_model / h dimensions. */
  heads: number;
  /** Transformer blocks, N. */
  layers: number;
  /** Hidden width of each block's MLP, d_ff. */
  dFF: number;
  /** Dropout rate while training (0 at inference). */
  dropout: number;
  /** Whether the output head reuses the token embedding matrix (W_out = Eᵀ), as GPT-2 does. */
  tiedEmbeddings: boolean;
}

/**
 * Number of trainable weights, as the sum of the parts (V = vocabSize, d = dModel, T = contextLength):
 *   token embedding V·d + position embedding T·d
 *   + N · [ attention 4(d² + d)  (W_Q, W_K, W_V, W_O with biases)
 *         + MLP d·d_ff + d_ff + d_ff·d + d  + two LayerNorms 2·2d ]
 *   + final LayerNorm 2d + output bias V (+ V·d when the head is not tied).
 */
export function parameterCount(c: TransformerConfig): number {
  const d = c.dModel;
  const block = 4 * (d * d + d) + (d * c.dFF + c.dFF + c.dFF * d + d) + 4 * d;
  return c.vocabSize * d + c.contextLength * d + c.layers * block + 2 * d + c.vocabSize + (c.tiedEmbeddings ? 0 : c.vocabSize * d);
}

/** Head width d_k = d_model / h; throws when d_model is not divisible by h. */
export function headSize(c: TransformerConfig): number {
  if (c.dModel % c.heads !== 0) throw new RangeError(`d_model ${c.dModel} is not divisible by ${c.heads} heads`);
  return c.dModel / c.heads;
}

/**
 * The shipped 唐诗 checkpoint's shape: 791,992 weights, within ±25 % of the §5.2 LSTM's 677,816,
 * so the two are compared at about the same size. T_max = 64 holds a whole 五言律诗 (48
 * characters with punctuation) and its line break.
 */
export const TANG_GPT: TransformerConfig = {
  vocabSize: 3000,
  contextLength: 64,
  dModel: 128,
  heads: 4,
  layers: 2,
  dFF: 512,
  dropout: 0.1,
  tiedEmbeddings: true,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const COUNTS = ['vocabSize', 'contextLength', 'dModel', 'heads', 'layers', 'dFF'] as const;

/**
 * A config read from untrusted JSON (a checkpoint's model.json): every field present (own keys
 * only), counts positive integers, d_model divisible by the heads, dropout in [0, 1). Returns
 * null otherwise; never throws.
 */
export function parseConfig(v: unknown): TransformerConfig | null {
  if (!isRecord(v)) return null;
  const get = (k: string) => (Object.hasOwn(v, k) ? v[k] : undefined);
  const counts = COUNTS.map(get);
  if (!counts.every((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0)) return null;
  const [vocabSize, contextLength, dModel, heads, layers, dFF] = counts;
  const dropout = get('dropout');
  const tiedEmbeddings = get('tiedEmbeddings');
  if (typeof dropout !== 'number' || !(dropout >= 0 && dropout < 1) || typeof tiedEmbeddings !== 'boolean' || dModel % heads !== 0) return null;
  return { vocabSize, contextLength, dModel, heads, layers, dFF, dropout, tiedEmbeddings };
}
