/**
 * 附录 A's guided tour: about eight short steps, each a paragraph that names what to look at and
 * a Focus that moves one lab widget there (see focus.ts). The text speaks of what every trained
 * checkpoint of this shape shows (the causal mask, rows that sum to 1, heads that differ), not of
 * one checkpoint's particular numbers, so it stays true when the model is retrained.
 * `focusProblem` is the one check that a Focus fits its widget; the tests run it on every step.
 */
import { HAND_MAX_CHARS, HAND_STEP_COUNT } from './hand-input';
import { isNonFiniteWord } from '../nn/validate';
import { quoteInput } from '../parse/fields';
import { normaliseNumberText } from '../parse/number-text';
import { codePoints } from '../textgen/vocab';
import { TANG_GPT, type TransformerConfig } from './config';
import type { Focus } from './focus';
import { MAP_DEFAULTS } from './map-settings';
import { checkMapText } from './map-text';

export interface TourStep {
  /** A short title, for the list of steps. */
  title: string;
  /** The narration, one paragraph of Chinese. */
  text: string;
  focus: Focus;
}

export const TOUR_PREFIX = 'tour';

/** The stepper's input limit and its steps 1…10 (the stepper's own rules, hand.ts and hand-input.ts). */
export const STEPPER_MAX_CHARS = HAND_MAX_CHARS;
export const STEPPER_STEPS = HAND_STEP_COUNT;

const POEM = MAP_DEFAULTS.text; // 床前明月光，疑是地上霜。

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: '一个字在看哪里',
    text: `下面的注意力图读入“${POEM}”，选中了“霜”。图中每一格是一个头：${TANG_GPT.layers} 层，每层 ${TANG_GPT.heads} 个头。格子里列出“霜”分给它之前每个字的权重，底色越深、数字越大，它从那个字取用的信息越多。每一行的权重加起来等于 1。`,
    focus: { widget: 'map', text: POEM, position: 10, layer: 0, head: 0 },
  },
  {
    title: '第一个字只能看自己',
    text: '选中第 1 个字“床”：在因果掩码下，它之前没有别的字，所以每个头都把全部权重 1.00 给了它自己。用方向键 → 一个字一个字往后走，每一行都多出一个可以看的位置；它后面的字从不出现，权重恒为 0。',
    focus: { widget: 'map', text: POEM, position: 0, layer: 0, head: 0 },
  },
  {
    title: '不同的头，不同的看法',
    text: '选中句号“。”，比较同一层的几个头。训练让各个头分了工：有的头几乎只看紧挨着的前一个字，有的把权重摊到整句，有的盯住标点或句首。每个头用自己的 W_Q、W_K 打分，所以同一个字在不同的头里看向不同的地方。',
    focus: { widget: 'map', text: POEM, position: 11, layer: 0, head: 1 },
  },
  {
    title: '第二层看的是什么',
    text: '第 2 层的头读到的已不是单个的字，而是第 1 层混合过前文之后的向量：位置 j 上的向量已经带着 j 之前的信息。所以第 2 层的一个权重，说的是“带着前文的第 j 个位置”，而不只是那个字本身。',
    focus: { widget: 'map', text: POEM, position: 11, layer: 1, head: 0 },
  },
  {
    title: '一个头的计算，一步一步',
    text: '注意力图只给出结果。下面的逐步演示用同一个检查点的真实数字，算出一个头的一行权重：先把字向量和位置向量相加，再投影成 Q、K、V。这一步停在打分 QKᵀ/√d_k 上。',
    focus: { widget: 'stepper', text: '床前明月光', step: 3, layer: 0, head: 0 },
  },
  {
    title: '掩码与 softmax',
    text: '因果掩码把未来位置的打分换成 −∞，逐行 softmax 之后它们的权重正好是 0，其余的权重加起来为 1。这就是注意力图里每个头那一行数字的来历。',
    focus: { widget: 'stepper', text: '床前明月光', step: 5, layer: 0, head: 0 },
  },
  {
    title: '让两个模型一起写',
    text: '同一个开头、同一个随机种子和温度，让 5.2 节的 LSTM 和这个小 Transformer 各写一首。两者用同一份语料、同一个字符表训练，参数量也相近，差别来自结构：一个靠固定大小的状态记住前文，一个直接回头看每个字。',
    focus: { widget: 'generate', prompt: '春眠不觉晓', compare: true },
  },
  {
    title: '在页面里训练',
    text: '最后，可以在本页接着训练这个模型，或用别的文本从头训练，看损失曲线与 LSTM 的并排下降。训练之后回到上面的注意力图，看看各个头的权重有没有变化。',
    focus: { widget: 'train', compare: true },
  },
];

/** Why `f` does not fit its widget (a short English phrase, for tests and logs), or null when it does. */
export function focusProblem(f: Focus, c: TransformerConfig = TANG_GPT): string | null {
  const index = (v: number | undefined, n: number) => v === undefined || (Number.isInteger(v) && v >= 0 && v < n);
  switch (f.widget) {
    case 'map': {
      if (f.text !== undefined) {
        const r = checkMapText(f.text, c.contextLength);
        if (!r.ok || r.notices.length) return 'map text is not shown as written';
        if (!index(f.position, r.chars.length)) return 'position outside the text';
      } else if (!index(f.position, c.contextLength)) return 'position outside the context';
      return index(f.layer, c.layers) && index(f.head, c.heads) ? null : 'no such layer or head';
    }
    case 'stepper': {
      if (f.text !== undefined && (codePoints(f.text).length < 1 || codePoints(f.text).length > STEPPER_MAX_CHARS)) return 'stepper text length';
      if (f.step !== undefined && !(Number.isInteger(f.step) && f.step >= 1 && f.step <= STEPPER_STEPS)) return 'no such step';
      return index(f.layer, c.layers) && index(f.head, c.heads) ? null : 'no such layer or head';
    }
    case 'generate':
      return f.prompt === undefined || codePoints(f.prompt).length > 0 ? null : 'empty prompt';
    case 'train':
      return null;
  }
}

/** The tour's step from a link's `tour.step` (1-based, as the reader counts); 0 when absent or invalid. Never throws. */
export function tourStepFrom(params: URLSearchParams): { step: number; problem: string } {
  const raw = params.get(`${TOUR_PREFIX}.step`);
  if (raw === null) return { step: 0, problem: '' };
  const plain = normaliseNumberText(raw.trim()); // full-width digits as every numeric field reads them
  const n = /^\d{1,3}$/.test(plain) ? Number(plain) : NaN;
  if (n >= 1 && n <= TOUR_STEPS.length) return { step: n - 1, problem: '' };
  const asked = isNonFiniteWord(raw) ? '“非数”或无穷大这一' : `第“${quoteInput(raw, 10)}”`;
  return { step: 0, problem: `导览没有${asked}步（共 ${TOUR_STEPS.length} 步），已从第 1 步开始。` };
}

/** Where each widget sits on the page: its root's `data-focus-widget`, else the heading of its section. */
export const FOCUS_HEADINGS: Record<Focus['widget'], string> = { map: 'A.4', stepper: 'A.5', generate: 'A.9', train: '在页面里训练' };
