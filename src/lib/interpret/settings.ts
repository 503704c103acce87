/**
 * The interpretability view's settings and their URL form
 * (`#why.src=ckpt&why.text=…&why.unit=5&why.cls=punct&why.ch=月`): whose models (the shipped
 * checkpoints, or those the reader trained in this browser), the text, the LSTM unit whose
 * activations colour it, and the class of characters the units are ranked on. `WHY_FIELDS` is
 * the one list of what each accepts; the view's fields and the link decoder both parse with it.
 */
import { decodeFields, type FieldParsers } from '../nn/url-fields';
import { choiceField, numberField, quoteInput, type FieldParser, type NamedRule } from '../nn/validate';
import { codePoints } from '../textgen/vocab';
import { TANG_GPT } from '../transformer/config';
import { checkMapText, type CheckedMapText } from '../transformer/map-text';
import { CHAR_CLASSES, type CharClass } from './units';

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
 * MAX_TEXT characters kept, each change said in `notices` (transformer/map-text.ts's rule);
 * refused only when nothing readable is left. Never throws.
 */
export const checkWhyText = (raw: string): CheckedMapText => checkMapText(raw, MAX_TEXT);

const textField: FieldParser<string> = (raw) => {
  const r = checkWhyText(raw);
  return r.ok ? { ok: true, value: r.text } : { ok: false, message: r.message };
};

/** One readable character (one code point, not a control or invisible one). */
const charField: FieldParser<string> = (raw) => {
  const r = checkMapText(raw, 1);
  return r.ok && codePoints(raw).length === 1
    ? { ok: true, value: r.text }
    : { ok: false, message: `指定的字必须正好是一个可见的字符，收到“${quoteInput(raw)}”。` };
};

export const WHY_FIELDS: FieldParsers<WhySettings> = {
  src: choiceField(SOURCES, '模型来源'),
  text: textField,
  unit: numberField(UNIT_RULE),
  cls: choiceField(CHAR_CLASSES, '字符类别'),
  ch: charField,
};

/** The settings a hash asks for, over the defaults, and what was wrong with it. Never throws. */
export function decodeWhy(params: URLSearchParams): { settings: WhySettings; problems: string[] } {
  const { values, problems } = decodeFields(params, WHY_PREFIX, WHY_FIELDS);
  return { settings: { ...WHY_DEFAULTS, ...values }, problems };
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
