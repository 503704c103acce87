/**
 * Exact parameter counts from an architecture's shapes, for the scale calculator (§2.1, §10.1,
 * §10.2). Every term is a weight matrix or vector of the layer it names; nothing is estimated.
 */

/** A decoder-only or encoder Transformer, with the options the presets need. */
export interface TransformerArch {
  /** Token vocabulary, V. */
  vocab: number;
  /** Longest context, T. Only learned positions have weights for it. */
  context: number;
  /** Width of every token vector, d_model. */
  dModel: number;
  /** Query heads, h (d_model must be divisible by h). */
  heads: number;
  /** Key/value heads (grouped-query attention, Ainslie et al. 2023); equal to `heads` for classic multi-head attention. */
  kvHeads: number;
  /** Transformer blocks, N. */
  layers: number;
  /** Hidden width of each block's MLP, d_ff. */
  dFF: number;
  /** `learned`: a T×d position table (GPT-2, BERT); `rotary`: RoPE, no weights (Su et al. 2021). */
  positions: 'learned' | 'rotary';
  /** LayerNorm has a gain and a bias (2d); RMSNorm only a gain (d) (Zhang & Sennrich 2019). */
  norm: 'layernorm' | 'rmsnorm';
  /** `gelu`: two matrices d→d_ff→d; `swiglu`: three (gate, up, down), Shazeer 2020. */
  mlp: 'gelu' | 'swiglu';
  /** Biases on the attention and MLP projections. */
  biases: boolean;
  /** The output head reuses the token embedding (W_out = Eᵀ). */
  tied: boolean;
  /** A bias of V on the output logits (the book's 附录 A model has one). */
  outputBias: boolean;
  /** A norm after the last block (GPT-2's ln_f, Llama's final RMSNorm); BERT (post-LN) has none. */
  finalNorm: boolean;
  /** A norm on the summed embeddings (BERT). */
  embeddingNorm: boolean;
  /** Segment (token-type) embeddings, 2 in BERT; 0 for none. */
  tokenTypes: number;
  /** BERT's pooler: a d×d dense layer with bias on the [CLS] vector. */
  pooler: boolean;
}

/** A model's count split into its parts (every part a whole number of weights). */
export interface Breakdown {
  embeddings: number;
  blocks: number;
  head: number;
  total: number;
}

/**
 * Weights of a Transformer (V = vocab, d = d_model, T = context, N = layers, d_k = d/h,
 * d_kv = kvHeads·d_k):
 *   embeddings V·d (+ T·d learned positions) (+ types·d) (+ a norm on them)
 *   + N · [ W_Q d·d, W_K and W_V d·d_kv each, W_O d·d (+ biases d + 2·d_kv + d)
 *           + MLP (GELU 2·d·d_ff, SwiGLU 3·d·d_ff) (+ biases d_ff + d, GELU only)
 *           + two norms ]
 *   + final norm + output head (V·d unless tied) (+ V output bias) (+ pooler d² + d).
 * A norm is 2d (LayerNorm: gain and bias) or d (RMSNorm: gain). Does not validate its input;
 * the calculator validates first (settings.ts).
 */
export function transformerBreakdown(a: TransformerArch): Breakdown {
  const d = a.dModel;
  const norm = a.norm === 'layernorm' ? 2 * d : d;
  const dkv = (a.kvHeads * d) / a.heads;
  const attention = 2 * d * d + 2 * d * dkv + (a.biases ? 2 * d + 2 * dkv : 0);
  const mlp = a.mlp === 'swiglu' ? 3 * d * a.dFF : 2 * d * a.dFF + (a.biases ? a.dFF + d : 0);
  const embeddings = a.vocab * d + (a.positions === 'learned' ? a.context * d : 0) + a.tokenTypes * d + (a.embeddingNorm ? norm : 0);
  const blocks = a.layers * (attention + mlp + 2 * norm);
  const head = (a.finalNorm ? norm : 0) + (a.tied ? 0 : a.vocab * d) + (a.outputBias ? a.vocab : 0) + (a.pooler ? d * d + d : 0);
  return { embeddings, blocks, head, total: embeddings + blocks + head };
}

/** Total weights of a Transformer; see transformerBreakdown. */
export const transformerParams = (a: TransformerArch): number => transformerBreakdown(a).total;

/** A Keras-style character LSTM: Embedding(V, E) → LSTM(U) → Dense(V, softmax). */
export interface LstmArch {
  vocab: number;
  embedding: number;
  units: number;
}

/**
 * Embedding V·E + LSTM 4·(U·(E + U) + U) (four gates, each with input and recurrent kernels and
 * a bias; Hochreiter & Schmidhuber 1997, as Keras counts it) + Dense U·V + V.
 */
export const lstmParams = ({ vocab: V, embedding: E, units: U }: LstmArch): number => V * E + 4 * (U * (E + U) + U) + U * V + V;

/** A fully connected network's layer widths, input first: [2, 2, 1] is 2 inputs, 2 hidden, 1 output. */
export const mlpParams = (sizes: readonly number[]): number => sizes.slice(1).reduce((sum, out, i) => sum + sizes[i] * out + out, 0);
