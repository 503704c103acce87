/**
 * The attention map's settings and their URL form (`#map.text=床前明月光&map.pos=4&map.layer=1`):
 * the text, the selected character (0-based), the highlighted layer and head, and the seed of
 * 让模型续写. A link gives every student the same text and the same selection; the numbers are
 * recomputed from the checkpoint. Positions and heads beyond the model are clamped where used.
 */
import { decodeFields, type FieldParsers } from '../nn/url-fields';
import { numberFields, type NumberRules } from '../nn/url-numbers';
import { SEED_RULE, type FieldParser } from '../nn/validate';
import { TANG_GPT } from './config';
import { checkMapText } from './map-text';
import { linkIndexName, type LinkProblem } from '../url/link-problem';

export const MAP_PREFIX = 'map';

export type MapKey = 'pos' | 'layer' | 'head' | 'seed';
/** pos, layer and head are set by links only, 0-based; their messages name them as the page counts, from 1 (linkIndexName). */
export const MAP_RULES: NumberRules<MapKey> = {
  pos: { min: 0, max: TANG_GPT.contextLength - 1, integer: true, name: linkIndexName('选中的位置', `${MAP_PREFIX}.pos`, '第 1 个字') },
  layer: { min: 0, max: TANG_GPT.layers - 1, integer: true, name: linkIndexName('层', `${MAP_PREFIX}.layer`, '第 1 层') },
  head: { min: 0, max: TANG_GPT.heads - 1, integer: true, name: linkIndexName('头', `${MAP_PREFIX}.head`, '头 1') },
  seed: SEED_RULE,
};

/** 五言绝句的头两句: the map's default text, selected at its last character. */
export const MAP_DEFAULT_TEXT = '床前明月光，疑是地上霜。';
export const MAP_DEFAULTS: Record<MapKey, number> & { text: string } = { text: MAP_DEFAULT_TEXT, pos: 10, layer: 0, head: 0, seed: 1 };

/** 让模型续写: how many characters, at which temperature (the model's own distribution at 1). */
export const MAP_CONTINUE = { chars: 8, temperature: 0.8 } as const;

/**
 * A link's text: refused only when nothing readable is left (the map then keeps its default). The
 * message names 文字 and is shown after the widget's one "链接中的设置有误" prefix.
 */
const textField: FieldParser<string> = (raw) => {
  const r = checkMapText(raw, Number.MAX_SAFE_INTEGER);
  return r.ok ? { ok: true, value: raw } : { ok: false, message: r.message };
};

export const MAP_FIELDS: FieldParsers<Record<MapKey, number> & { text: string }> = { ...numberFields(MAP_RULES), text: textField };

export type MapSettings = typeof MAP_DEFAULTS;

/** The settings a hash asks for, over the defaults, and what was wrong with it. Never throws. */
export function decodeMapSettings(params: URLSearchParams): { settings: MapSettings; problems: LinkProblem[] } {
  const { values, problems } = decodeFields(params, MAP_PREFIX, MAP_FIELDS);
  return { settings: { ...MAP_DEFAULTS, ...values }, problems };
}
