/**
 * The rules every widget's fields and links share, whatever the widget computes: how a message
 * quotes what the reader or a link supplied (`quoteInput`), how a value that is not one of a
 * field's options is refused (`notAnOption`, `labelledChoice`), and what a button says when it is
 * pressed while a field it reads shows its error (`FIX_FIELDS_FIRST`). Nothing here throws.
 */
import type { FieldParser } from '../nn/validate';
import { codeOf, isBroken } from '../textgen/unreadable';

/**
 * What a widget says when a button that reads its fields (生成, 开始训练, 下一步, 评估, 分析…) is
 * pressed while one of those fields shows its error: it refuses rather than run with the field's
 * last good value, and the first such field takes focus (widgets/shared/refuse.ts).
 */
export const FIX_FIELDS_FIRST = '请先改正上面标出的设置。';

/** True for a code point a quote cannot show as itself: a control, format, private-use or unassigned one, or a separator other than the plain space (line break, U+3000, U+00A0…). */
const unseen = (c: string): boolean => c !== ' ' && /^[\p{C}\p{Z}]$/u.test(c);

/**
 * Reader- or link-supplied text as a message quotes it (the one quoting rule of every link and
 * field message that echoes what it received): at most `max` characters (whole code points,
 * never half a surrogate pair); U+FFFD (what a malformed `%` sequence such as `%E0` decodes to),
 * a lone surrogate and each invisible character (NUL, a line break, the zero-width space…)
 * written as its code point, "U+FFFD", "U+200B" (textgen/unreadable.ts codeOf, as the other
 * messages name them), so the reader sees that it is there.
 */
export function quoteInput(text: string, max = 20): string {
  const chars = [...text];
  const shown = chars
    .slice(0, max)
    .map((c) => (isBroken(c) || unseen(c) ? codeOf(c) : c))
    .join('');
  return chars.length > max ? `${shown}…` : shown;
}

/**
 * One character as a notice names it: “床” when it shows as itself; an invisible one (see
 * quoteInput: U+200B, U+3000, a private-use or unassigned code point) as its bare code point,
 * U+200B, with no quotes around nothing visible.
 */
export function nameChar(c: string): string {
  const shown = quoteInput(c);
  return shown === c ? `“${c}”` : shown;
}

/**
 * The one message for a value that is not one of a field's options: `shown` names the options as
 * the reader sees them beside the field (labels, not link ids), so a link's refusal reads like
 * the form. `raw` is quoted by quoteInput.
 */
export const notAnOption = (name: string, raw: string, shown: readonly string[]): string => `未知的${name}“${quoteInput(raw)}”，可选：${shown.join('、')}。`;

/**
 * The parser for a field whose options the reader sees by labels (a preset's name, 预训练检查点)
 * while a link names them by id (`ckpt`): matched exactly against the own keys of `labels`
 * (Object.hasOwn), or else against their labels, so a name the refusal offers is accepted too
 * (`预训练检查点` reads as `ckpt`). A refusal lists the labels, in order. Never throws.
 */
export const labelledChoice =
  <T extends string>(labels: Readonly<Record<T, string>>, name: string): FieldParser<T> =>
  (raw) => {
    if (Object.hasOwn(labels, raw)) return { ok: true, value: raw as T };
    const byLabel = (Object.keys(labels) as T[]).find((id) => labels[id] === raw);
    return byLabel !== undefined ? { ok: true, value: byLabel } : { ok: false, message: notAnOption(name, raw, Object.values<string>(labels)) };
  };
