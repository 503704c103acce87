/**
 * The scale calculator's settings: what each field accepts, what a link may set
 * (`#scale.m=gpt3&scale.D=300000000000&scale.g=a100`), and the custom Transformer's checks.
 * Fields and links go through the same parsers (nn/validate.ts), which never throw.
 */
import type { FieldParsers } from '../nn/url-fields';
import type { NumberRules } from '../nn/url-numbers';
import { parseNumber, type FieldParser, type NamedRule } from '../nn/validate';
import { labelledChoice, messageName, quoteInput } from '../parse/fields';
import { ACCELERATORS } from './compute';
import type { TransformerArch } from './count';
import { formatCount } from './format';
import { customArch, PRESETS } from './presets';

export const SCALE_PREFIX = 'scale';

/** The custom Transformer's name in the model list and the report. */
export const CUSTOM_NAME = '自定义 Transformer';

/** Every model choice by id (a link's `scale.m`), with the name the reader sees in the list: the presets, then `custom`. */
export const MODEL_LABELS: Readonly<Record<string, string>> = Object.fromEntries([...PRESETS.map((p) => [p.id, p.name]), ['custom', CUSTOM_NAME]]);

/** Every model choice's id: the presets' ids, then `custom`. */
export const MODEL_IDS = Object.keys(MODEL_LABELS);

/** Every accelerator by id (a link's `scale.g`), with its name as the list shows it. */
export const ACCELERATOR_LABELS: Readonly<Record<string, string>> = Object.fromEntries(ACCELERATORS.map((a) => [a.id, a.name]));

/** The custom Transformer's shape fields. */
export const SHAPE_KEYS = ['L', 'd', 'h', 'V', 'T'] as const;
/** The training and hardware fields. */
export const RUN_KEYS = ['D', 'n', 'u', 'days'] as const;
export type ScaleKey = (typeof SHAPE_KEYS)[number] | (typeof RUN_KEYS)[number];

/** Limits keep every result finite (N < 2·10¹⁷, C < 10³⁴ FLOPs) while allowing any real model. */
export const SCALE_RULES: NumberRules<ScaleKey> = {
  L: { min: 1, max: 10_000, integer: true, name: '层数' },
  d: { min: 1, max: 1_000_000, integer: true, name: 'd_model' },
  h: { min: 1, max: 100_000, integer: true, name: '注意力头数' },
  V: { min: 1, max: 10_000_000, integer: true, name: '词表大小' },
  T: { min: 1, max: 10_000_000, integer: true, name: '上下文长度' },
  D: { min: 1, max: 1e16, integer: true, name: '训练词元数 D' },
  n: { min: 1, max: 10_000_000, integer: true, name: '加速卡数量' },
  u: { min: 1, max: 100, name: '利用率（%）' },
  days: { min: 0.01, max: 100_000, name: '目标天数' },
};

export type ScaleSettings = Record<ScaleKey, number> & { m: string; g: string };

/** The one rule for a field's name at the start of a message (parse/fields.ts). */
export { messageName };

/**
 * The parser of one numeric field, by the common rule (nn/validate.ts parseNumber: empty, not a
 * number, too large, not an integer) but with the calculator's own wording of the bounds: they
 * are written as its results are (formatCount: "10,000,000", "1 × 10¹⁶"), and a Latin field name
 * is set apart from the Chinese after it. Never throws.
 */
export function scaleNumberField(rule: NamedRule): FieldParser<number> {
  const name = messageName(rule.name);
  return (text) => {
    const parsed = parseNumber(text, { min: -Infinity, max: Infinity, integer: rule.integer }, name);
    if (parsed.ok && (parsed.value < rule.min || parsed.value > rule.max)) {
      return { ok: false, message: `${name}必须在 ${formatCount(rule.min)} 到 ${formatCount(rule.max)} 之间，收到 ${quoteInput(text.trim())}。` };
    }
    return parsed;
  };
}

const numberParsers = Object.fromEntries(Object.entries(SCALE_RULES).map(([k, rule]) => [k, scaleNumberField(rule)])) as Record<ScaleKey, FieldParser<number>>;

export const SCALE_FIELDS: FieldParsers<ScaleSettings> = {
  m: labelledChoice(MODEL_LABELS, '模型'),
  ...numberParsers,
  g: labelledChoice(ACCELERATOR_LABELS, '加速卡'),
};

/** A 24-layer, 2048-wide custom model (about 1.3 B weights), GPT-3 as the first model shown. */
export const SCALE_DEFAULTS: ScaleSettings = { m: 'gpt3', L: 24, d: 2048, h: 16, V: 32000, T: 2048, D: 300e9, n: 1024, u: 40, days: 30, g: 'a100' };

/** The custom shape as a Transformer, or the reasons it is not one (heads must divide d_model). */
export function checkCustom(v: Pick<ScaleSettings, (typeof SHAPE_KEYS)[number]>): { ok: true; arch: TransformerArch } | { ok: false; message: string } {
  if (v.h > v.d) return { ok: false, message: `注意力头数（${v.h}）不能多于 d_model（${v.d}）：每个头至少要有 1 维。` };
  if (v.d % v.h !== 0) return { ok: false, message: `d_model（${v.d}）不能被注意力头数（${v.h}）整除：每个头的维度 d_model / h 必须是整数。` };
  return { ok: true, arch: customArch({ layers: v.L, dModel: v.d, heads: v.h, vocab: v.V, context: v.T }) };
}
