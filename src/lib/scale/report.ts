/**
 * Everything the calculator shows for one set of valid settings: the model's count, memory,
 * compute, time and cards needed. Pure; the widget only renders it.
 */
import { ACCELERATORS, acceleratorsNeeded, chinchillaTokens, trainingFlops, trainingSeconds, type Accelerator } from './compute';
import { transformerParams } from './count';
import { memoryRows, type MemoryRow } from './memory';
import { formatCount } from './format';
import { presetById } from './presets';
import { checkCustom, CUSTOM_NAME, type ScaleSettings } from './settings';

export interface ScaleReport {
  name: string;
  params: number;
  memory: MemoryRow[];
  tokens: number;
  flops: number;
  accelerator: Accelerator;
  /** Seconds on `n` cards. */
  seconds: number;
  /** Cards needed to finish within `days`. */
  needed: number;
}

/** The report, or a message saying why it cannot be made (the custom shape is invalid). Never throws. */
export function scaleReport(s: ScaleSettings): { ok: true; report: ScaleReport } | { ok: false; message: string } {
  let name: string;
  let params: number;
  const preset = presetById(s.m);
  if (preset) {
    name = preset.name;
    params = preset.params;
  } else {
    const custom = checkCustom(s);
    if (!custom.ok) return custom;
    name = CUSTOM_NAME;
    params = transformerParams(custom.arch);
  }
  const accelerator = ACCELERATORS.find((a) => a.id === s.g) ?? ACCELERATORS[0];
  const flops = trainingFlops(params, s.D);
  const u = s.u / 100;
  return {
    ok: true,
    report: {
      name,
      params,
      memory: memoryRows(params),
      tokens: s.D,
      flops,
      accelerator,
      seconds: trainingSeconds(flops, accelerator, s.n, u),
      needed: acceleratorsNeeded(flops, accelerator, u, s.days * 86400),
    },
  };
}

/** The token count a model starts with: its published one, else 20·N (rounded to a whole token). */
export function defaultTokens(params: number, published: number | null): number {
  return published ?? Math.round(chinchillaTokens(params));
}

/**
 * A name set in Chinese prose: a space on each side (`before`, `after`), except beside full-width
 * punctuation such as the closing bracket of "GPT-2（124M）", which needs none.
 */
export const spaced = (name: string, before = ' ', after = ' '): string =>
  `${/^[（「『“]/.test(name) ? '' : before}${name}${/[）」』”]$/.test(name) ? '' : after}`;

/**
 * What the calculator says next to D, so the reader knows where the number came from. `m` is a
 * preset id or `custom`; `D` the current token count. The rule it states: choosing a preset
 * sets D to its published tokens (the book's own models: the tokens they were trained on, with the preset's tokensOrigin), else to 20·N (Chinchilla: Hoffmann et al. 2022); choosing
 * 自定义 leaves D as it was, since the custom model's N changes with every field.
 */
export function tokensOrigin(m: string, D: number): string {
  const preset = presetById(m);
  if (!preset) return '自定义模型：切换过来时 D 保持原值，不随模型改变；按 Chinchilla 的经验（Hoffmann et al. 2022），计算最优约为 D ≈ 20·N。';
  const start = defaultTokens(preset.params, preset.tokens);
  if (D !== start) return `这是你设定的值；选${spaced(preset.name)}时 D 从 ${formatCount(start)} 开始。`;
  if (preset.tokensOrigin) return preset.tokensOrigin;
  return preset.tokens !== null
    ? `${spaced(preset.name, '')}公布的训练词元数（出处见下表）。`
    : `${spaced(preset.name, '')}没有公布训练词元数，按 D ≈ 20·N（Chinchilla，Hoffmann et al. 2022）估计。`;
}
