/**
 * A training widget's whole configuration, seed included, and its URL form. An instructor's
 * link `#train.seed=7&train.lr=0.03…` gives every student the same numbers. Decoding never
 * throws: a bad field keeps its default and is reported in words.
 */
import { DATASETS, type DatasetKind } from './datasets';
import type { OptimizerKind } from './optimizers';
import { LIMITS, type Activation } from './spec';
import { decodeNumbers, type NumberRules } from './url-numbers';
import { parseNumber } from './validate';

export interface LabConfig {
  seed: number;
  dataset: DatasetKind;
  /** 0…1 */
  noise: number;
  /** Hidden layer sizes, 1–4 layers of 1–8 units. */
  hidden: number[];
  activation: Activation;
  lr: number;
  batch: number;
  optimizer: OptimizerKind;
  /** L2 weight-decay coefficient λ. */
  l2: number;
  earlyStop: boolean;
}

/** TensorFlow Playground's defaults. */
export const DEFAULT_CONFIG: LabConfig = {
  seed: 1,
  dataset: 'circle',
  noise: 0,
  hidden: [4, 2],
  activation: 'tanh',
  lr: 0.03,
  batch: 10,
  optimizer: 'sgd',
  l2: 0,
  earlyStop: false,
};

type NumericKey = 'seed' | 'noise' | 'lr' | 'batch' | 'l2';
const NUMBERS: NumberRules<NumericKey> = {
  seed: { min: 0, max: 2 ** 32 - 1, integer: true, name: '随机种子' },
  noise: { min: 0, max: 1, name: '噪声' },
  lr: { min: 1e-6, max: 1e6, name: '学习率' },
  batch: { min: 1, max: 250, integer: true, name: '批大小' },
  l2: { min: 0, max: 1, name: 'L2 系数' },
};
const CHOICES = {
  dataset: DATASETS,
  activation: ['sigmoid', 'tanh', 'relu'],
  optimizer: ['sgd', 'momentum', 'adam'],
} as const;

export function encodeConfig(c: LabConfig, prefix: string): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof LabConfig)[]) {
    const v = c[key];
    p.set(`${prefix}.${key}`, Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return p.toString();
}

export function decodeConfig(hash: string, prefix: string, defaults: LabConfig = DEFAULT_CONFIG): { config: LabConfig; problems: string[] } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const config: LabConfig = { ...defaults, hidden: [...defaults.hidden] };
  const numbers = decodeNumbers(p, prefix, NUMBERS, config);
  Object.assign(config, numbers.values);
  const problems = numbers.problems;
  const get = (key: string) => p.get(`${prefix}.${key}`);
  for (const [key, allowed] of Object.entries(CHOICES)) {
    const raw = get(key);
    if (raw === null) continue;
    if ((allowed as readonly string[]).includes(raw)) (config as unknown as Record<string, string>)[key] = raw;
    else problems.push(`未知的选项“${raw.slice(0, 20)}”，可选：${allowed.join('、')}。`);
  }
  const hidden = get('hidden');
  if (hidden !== null) {
    const sizes = hidden.split(',').map((s) => parseNumber(s, { min: LIMITS.minUnits, max: LIMITS.maxUnits, integer: true }, '每层神经元数'));
    const bad = sizes.find((s) => !s.ok);
    if (bad && !bad.ok) problems.push(bad.message);
    else if (sizes.length < 1 || sizes.length > 4) problems.push('隐藏层必须是 1 到 4 层。');
    else config.hidden = sizes.map((s) => (s as { value: number }).value);
  }
  const stop = get('earlyStop');
  if (stop !== null) config.earlyStop = stop === '1';
  return { config, problems };
}
