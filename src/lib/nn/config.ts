/**
 * A training widget's whole configuration, seed included, its field rules and its URL form.
 * An instructor's link `#train.seed=7&train.lr=0.03…` gives every student the same numbers.
 * `labFields` is the one list of what each setting accepts: the widget's fields and
 * `decodeConfig` both parse with it. Decoding never throws: a bad field keeps its default and
 * is reported in words.
 */
import { DATASETS, DEFAULT_SAMPLES, DEFAULT_TRAIN_FRACTION, trainCount, type DatasetKind } from './datasets';
import { ACTIVATIONS, LIMITS, type Activation } from './spec';
import { decodeFields, type FieldParsers } from './url-fields';
import { choiceField, flagField, numberField, parseNumber, SEED_RULE, type FieldParser, type NamedRule } from './validate';
import type { LinkProblem } from '../url/link-problem';

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

export interface LabConfig {
  seed: number;
  dataset: DatasetKind;
  /** 0…1 */
  noise: number;
  /** Hidden layer sizes: LIMITS.minHidden–maxHidden layers of minUnits–maxUnits units. */
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

/** How many hidden layers, as the 隐藏层数 select and `hidden=` in a link allow. */
export const LAYERS_RULE: NamedRule = { min: LIMITS.minHidden, max: LIMITS.maxHidden, integer: true, name: '隐藏层数' };
/** Units in one hidden layer. */
export const UNITS_RULE: NamedRule = { min: LIMITS.minUnits, max: LIMITS.maxUnits, integer: true, name: '每层神经元数' };

/**
 * A mini-batch holds 1 to `trainPoints` examples: larger than the training set means nothing
 * (chapter 3's widget trains on 250 points, the overfitting widget on 20).
 */
export const batchRule = (trainPoints: number): NamedRule => ({ min: 1, max: trainPoints, integer: true, name: '批大小' });

/** `4,2` → [4, 2]: LAYERS_RULE layers, each within UNITS_RULE. */
export const parseHidden: FieldParser<number[]> = (text) => {
  const sizes = text.split(',');
  if (sizes.length < LAYERS_RULE.min || sizes.length > LAYERS_RULE.max)
    return { ok: false, message: `隐藏层必须是 ${LAYERS_RULE.min} 到 ${LAYERS_RULE.max} 层，收到 ${sizes.length} 层。` };
  const value: number[] = [];
  for (const s of sizes) {
    const r = parseNumber(s, UNITS_RULE, UNITS_RULE.name);
    if (!r.ok) return r;
    value.push(r.value);
  }
  return { ok: true, value };
};

/**
 * What each setting accepts, for a widget training on `trainPoints` points (default: the
 * Trainer's own dataset). Keys are exactly LabConfig's, which are also the URL's.
 */
export function labFields(trainPoints = trainCount(DEFAULT_SAMPLES, DEFAULT_TRAIN_FRACTION)): FieldParsers<LabConfig> {
  return {
    seed: numberField(SEED_RULE),
    dataset: choiceField(DATASETS, '数据集'),
    noise: numberField({ min: 0, max: 1, name: '噪声' }),
    hidden: parseHidden,
    activation: choiceField(ACTIVATIONS, '激活函数'),
    lr: numberField({ min: 1e-6, max: 1e6, name: '学习率' }),
    batch: numberField(batchRule(trainPoints)),
    optimizer: choiceField(OPTIMIZERS, '优化器'),
    l2: numberField({ min: 0, max: 1, name: 'L2 系数' }),
    earlyStop: flagField('早停'),
  };
}

/** Every setting as `prefix.key=value`; lists as `4,2`, flags as 1/0. */
export function encodeConfig(c: LabConfig, prefix: string): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof LabConfig)[]) {
    const v = c[key];
    p.set(`${prefix}.${key}`, Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return p.toString();
}

/** The configuration a hash (`#train.…`, leading # optional) asks for, over `defaults`, with what was wrong in it. */
export function decodeConfig(
  hash: string,
  prefix: string,
  defaults: LabConfig = DEFAULT_CONFIG,
  fields: FieldParsers<LabConfig> = labFields(),
): { config: LabConfig; problems: LinkProblem[] } {
  const { values, problems } = decodeFields(new URLSearchParams(hash.replace(/^#/, '')), prefix, fields);
  return { config: { ...defaults, hidden: [...defaults.hidden], ...values }, problems };
}
