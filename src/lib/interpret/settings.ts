/**
 * The interpretability view's settings and their URL form
 * (`#why.src=ckpt&why.text=…&why.unit=5&why.cls=punct&why.ch=月`): whose models (the shipped
 * checkpoints, or those the reader trained in this browser), the text, the LSTM unit whose
 * activations colour it, and the class of characters the units are ranked on. `WHY_FIELDS` is
 * the one list of what each accepts; the view's fields and the link decoder both parse with it.
 */
import { decodeFields, type FieldParsers } from '../nn/url-fields';
import { parseNumber, type FieldParser, type NamedRule } from '../nn/validate';
import { labelledChoice, nameChar, quoteInput } from '../parse/fields';
import { codePoints } from '../textgen/vocab';
import { TANG_GPT } from '../transformer/config';
import { checkMapText, type CheckedMapText } from '../transformer/map-text';
import { CLASS_LABELS, type CharClass } from './units';
import type { LinkProblem } from '../url/link-problem';

export const WHY_PREFIX = 'why';

export const SOURCES = ['ckpt', 'mine'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = { ckpt: '预训练检查点', mine: '我在本书里训练的模型' };

/** Most characters analysed: the Transformer checkpoint's context length, so both models read the same text. */
export const MAX_TEXT = TANG_GPT.contextLength;
/**
 * LSTM units the lab trains and the checkpoint has: 128 (textgen/model.ts DEFAULT_SIZES, not
 * imported here because that file loads the layers API; a unit test checks the two agree). A
 * model with fewer units is checked where used.
 */
export const UNIT_RULE: NamedRule = { min: 0, max: 127, integer: true, name: '隐藏单元编号' };
/** Units listed per class. */
export const TOP_UNITS = 8;

export interface WhySettings {
  src: Source;
  text: string;
  unit: number;
  cls: CharClass;
  /** The character of the `char` class. */
  ch: string;
}

/** 五言绝句《静夜思》, with its punctuation and line breaks. */
export const WHY_DEFAULTS: WhySettings = { src: 'ckpt', text: '床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n', unit: 0, cls: 'punct', ch: '月' };

/**
 * The text as the view reads it: control and invisible characters and U+FFFD dropped, at most
 * the last MAX_TEXT characters kept, each change said in `notices` (transformer/map-text.ts and
 * context.ts: the rule of every view that feeds the Transformer);
 * refused only when nothing readable is left. Never throws.
 */
export const checkWhyText = (raw: string): CheckedMapText => checkMapText(raw, MAX_TEXT);

/** Spaces alone are refused by checkMapText, as in the attention map and §9.2. */
const textField: FieldParser<string> = (raw) => {
  const r = checkWhyText(raw);
  return r.ok ? { ok: true, value: r.text } : { ok: false, message: r.message };
};

/** One readable character (one code point, not a control or invisible one). */
const charField: FieldParser<string> = (raw) => {
  const r = checkMapText(raw, 1);
  const one = codePoints(raw).length === 1;
  return r.ok && one && raw.trim() !== ''
    ? { ok: true, value: r.text }
    : { ok: false, message: `指定的字必须正好是一个可见的字符，收到${one ? nameChar(raw) : `“${quoteInput(raw)}”`}。` };
};

/** A unit number in UNIT_RULE; −0 is read as 0. */
const unitField: FieldParser<number> = (raw) => {
  const r = parseNumber(raw, UNIT_RULE, UNIT_RULE.name);
  return r.ok ? { ok: true, value: r.value === 0 ? 0 : r.value } : r;
};

export const WHY_FIELDS: FieldParsers<WhySettings> = {
  src: labelledChoice(SOURCE_LABELS, '模型来源'),
  text: textField,
  unit: unitField,
  cls: labelledChoice(CLASS_LABELS, '字符类别'),
  ch: charField,
};

/** Settings a link can carry in a form the view changes before using it. */
export type Repairable = 'text' | 'unit';

/**
 * What the view changed in a link's accepted values, one sentence per setting: the text's
 * dropped characters and cut to MAX_TEXT (checkWhyText's notices), a unit written otherwise than
 * the view writes it (−0, 05, 5.0, " 5"). Refused values are decodeFields' problems, not here.
 */
function linkRepairs(params: URLSearchParams, values: Partial<WhySettings>): Partial<Record<Repairable, string>> {
  const repairs: Partial<Record<Repairable, string>> = {};
  const text = params.get(`${WHY_PREFIX}.text`);
  const checked = text === null ? null : checkWhyText(text);
  if (checked?.ok && checked.text !== text) repairs.text = `链接中的文字已修正：${checked.notices.join('')}`;
  const unit = params.get(`${WHY_PREFIX}.unit`);
  if (unit !== null && values.unit !== undefined && String(values.unit) !== unit)
    repairs.unit = `链接中的${UNIT_RULE.name}“${quoteInput(unit)}”已按 ${values.unit} 使用。`;
  return repairs;
}

/**
 * The settings a hash asks for, over the defaults; what was wrong with it (those values keep
 * their default); and what was repaired in the values it did apply. Never throws.
 */
export function decodeWhy(params: URLSearchParams): { settings: WhySettings; problems: LinkProblem[]; repairs: Partial<Record<Repairable, string>> } {
  const { values, problems } = decodeFields(params, WHY_PREFIX, WHY_FIELDS);
  return { settings: { ...WHY_DEFAULTS, ...values }, problems, repairs: linkRepairs(params, values) };
}

/** The hash parameters for `s`, under the view's prefix. */
export function encodeWhy(s: WhySettings): URLSearchParams {
  return new URLSearchParams(
    (
      [
        ['src', s.src],
        ['text', s.text],
        ['unit', String(s.unit)],
        ['cls', s.cls],
        ['ch', s.ch],
      ] as const
    ).map(([k, v]) => [`${WHY_PREFIX}.${k}`, v]),
  );
}
