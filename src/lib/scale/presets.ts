/**
 * The calculator's preset models, each from its published shape (the source is shown in the
 * widget's footnotes). Their counts are computed by count.ts, never typed in; the tests compare
 * them with the published totals.
 */
import { explorerSpec } from '../nn/explorer';
import { MAX_VOCAB } from '../textgen/vocab';
import { TANG_GPT } from '../transformer/config';
import { lstmBookTokens, tangBookTokens } from './book-training';
import { lstmParams, mlpParams, transformerParams, type TransformerArch } from './count';

export interface Preset {
  id: string;
  /** The name the reader sees (zh-CN). */
  name: string;
  /** Exact weight count. */
  params: number;
  /** Tokens it was trained on, when published or known (the book's own checkpoints); else null (the calculator then uses 20·N). */
  tokens: number | null;
  /** Where `tokens` comes from, when it is not a paper's figure or the 20·N estimate (the book's own models). */
  tokensOrigin?: string;
  /** Where the shape (and token count) comes from: the footnote. */
  source: string;
}

/** GPT-2's shape (Radford et al. 2019): learned positions, LayerNorm, GELU, biases, tied output. */
const gpt2 = (layers: number, dModel: number, heads: number, context = 1024, vocab = 50257): TransformerArch => ({
  vocab,
  context,
  dModel,
  heads,
  kvHeads: heads,
  layers,
  dFF: 4 * dModel,
  positions: 'learned',
  norm: 'layernorm',
  mlp: 'gelu',
  biases: true,
  tied: true,
  outputBias: false,
  finalNorm: true,
  embeddingNorm: false,
  tokenTypes: 0,
  pooler: false,
});

/** BERT's encoder (Devlin et al. 2019): GPT-2's blocks (post-LN), 2 token types, a norm on the embeddings, the pooler, no output head. */
const bert = (layers: number, dModel: number, heads: number): TransformerArch => ({
  ...gpt2(layers, dModel, heads, 512, 30522),
  finalNorm: false,
  embeddingNorm: true,
  tokenTypes: 2,
  pooler: true,
});

/** The custom Transformer's fixed choices: GPT-2's (see gpt2), with d_ff = 4·d_model. */
export const customArch = (c: { layers: number; dModel: number; heads: number; vocab: number; context: number }): TransformerArch =>
  gpt2(c.layers, c.dModel, c.heads, c.context, c.vocab);

/** 附录 A's model, from src/lib/transformer/config.ts (a bias on the output logits, tied head). */
export const TANG_ARCH: TransformerArch = {
  ...gpt2(TANG_GPT.layers, TANG_GPT.dModel, TANG_GPT.heads, TANG_GPT.contextLength, TANG_GPT.vocabSize),
  dFF: TANG_GPT.dFF,
  tied: TANG_GPT.tiedEmbeddings,
  outputBias: true,
};

/** Llama 3.1 8B (Meta 2024): rotary positions, RMSNorm, SwiGLU, no biases, 8 key/value heads, untied output. */
export const LLAMA31_8B: TransformerArch = {
  vocab: 128256,
  context: 131072,
  dModel: 4096,
  heads: 32,
  kvHeads: 8,
  layers: 32,
  dFF: 14336,
  positions: 'rotary',
  norm: 'rmsnorm',
  mlp: 'swiglu',
  biases: false,
  tied: false,
  outputBias: false,
  finalNorm: true,
  embeddingNorm: false,
  tokenTypes: 0,
  pooler: false,
};

export const ARCHS = {
  'bert-base': bert(12, 768, 12),
  'bert-large': bert(24, 1024, 16),
  gpt2: gpt2(12, 768, 12),
  'gpt2-medium': gpt2(24, 1024, 16),
  'gpt2-large': gpt2(36, 1280, 20),
  'gpt2-xl': gpt2(48, 1600, 25),
  gpt3: gpt2(96, 12288, 96, 2048),
} as const;

const GPT2_SOURCE =
  'Radford et al. 2019, Language Models are Unsupervised Multitask Learners, 表 2（层数、d_model）；头数、词表 50257、上下文 1024 见 OpenAI 发布的 gpt-2 代码的 hparams.json';
const BERT_SOURCE =
  'Devlin et al. 2019, BERT, §3（L、H、A）；词表 30522、位置 512 见 Google 发布的 bert_config.json；训练量：256 个序列 × 512 个词元 × 100 万步（附录 A.2）';

const LSTM_TOKENS = lstmBookTokens();
const TANG_TOKENS = tangBookTokens();

/** The presets in the order the widget lists them (smallest first). */
export const PRESETS: readonly Preset[] = [
  {
    id: 'nn41',
    name: '4.1 节的网络（2-2-1）',
    params: mlpParams(explorerSpec('sigmoid', 'identity').sizes),
    tokens: null,
    tokensOrigin:
      '4.1 节的网络不读文本，也没有在语料上训练（它的权重由你在 4.1 节设定，4.2 节每步只用一个样本），所以没有训练词元数；这里的 D 按 20·N 取值，只为演示公式。',
    source: '本书 4.1 节式 (4.1) 与其演示：2 个输入、2 个隐藏神经元、1 个输出，权重与偏置共 9 个',
  },
  {
    id: 'lstm52',
    name: '5.2 节的 LSTM',
    params: lstmParams({ vocab: MAX_VOCAB, embedding: 64, units: 128 }),
    tokens: LSTM_TOKENS.tokens,
    tokensOrigin: LSTM_TOKENS.origin,
    source:
      '原文 5.2 节的 Keras 代码：Embedding 64 维、LSTM 128 个单元、Dense softmax；词表按本书唐诗语料的 3000 项（2999 个常用字加一个未知字符 <unk>，见 5.3 节勘误）',
  },
  {
    id: 'tang',
    name: '附录 A 的唐诗 Transformer',
    params: transformerParams(TANG_ARCH),
    tokens: TANG_TOKENS.tokens,
    tokensOrigin: TANG_TOKENS.origin,
    source: '本书附录 A：2 层、d_model 128、4 个头、d_ff 512、上下文 64、词表 3000，输出层与嵌入共享并带偏置',
  },
  {
    id: 'bert-base',
    name: 'BERT-base',
    params: transformerParams(ARCHS['bert-base']),
    tokens: 256 * 512 * 1e6,
    source: `${BERT_SOURCE}；BERT-base：L=12、H=768、A=12（约 1.1 亿）`,
  },
  {
    id: 'gpt2',
    name: 'GPT-2（124M）',
    params: transformerParams(ARCHS.gpt2),
    tokens: null,
    source: `${GPT2_SOURCE}；最小的一档 12 层、768 维、12 个头。论文未公布训练词元数`,
  },
  {
    id: 'bert-large',
    name: 'BERT-large',
    params: transformerParams(ARCHS['bert-large']),
    tokens: 256 * 512 * 1e6,
    source: `${BERT_SOURCE}；BERT-large：L=24、H=1024、A=16（约 3.4 亿）`,
  },
  {
    id: 'gpt2-medium',
    name: 'GPT-2（355M）',
    params: transformerParams(ARCHS['gpt2-medium']),
    tokens: null,
    source: `${GPT2_SOURCE}；24 层、1024 维、16 个头`,
  },
  { id: 'gpt2-large', name: 'GPT-2（774M）', params: transformerParams(ARCHS['gpt2-large']), tokens: null, source: `${GPT2_SOURCE}；36 层、1280 维、20 个头` },
  { id: 'gpt2-xl', name: 'GPT-2（1.5B）', params: transformerParams(ARCHS['gpt2-xl']), tokens: null, source: `${GPT2_SOURCE}；48 层、1600 维、25 个头` },
  {
    id: 'llama31-8b',
    name: 'Llama 3.1 8B',
    params: transformerParams(LLAMA31_8B),
    tokens: 15e12,
    source:
      'Meta 2024, The Llama 3 Herd of Models, 表 3（32 层、4096 维、32 个查询头、8 个键值头、FFN 14336、词表 128K）；精确词表 128256 与 RMSNorm、不共享输出层见 Meta 发布的 config.json；训练约 15T 词元（模型卡）',
  },
  {
    id: 'gpt3',
    name: 'GPT-3（175B）',
    params: transformerParams(ARCHS.gpt3),
    tokens: 300e9,
    source:
      'Brown et al. 2020, Language Models are Few-Shot Learners, 表 2.1（96 层、d_model 12288、96 个头、上下文 2048）与 §2.2（训练 3000 亿词元）；结构同 GPT-2',
  },
];

/** The preset with this id, matched against own ids only; undefined otherwise. */
export const presetById = (id: string): Preset | undefined => PRESETS.find((p) => p.id === id);
