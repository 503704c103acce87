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

/** A field's name as a message starts with it: a space after a Latin name or a closing bracket ("d_model 必须…", "同时训练 LSTM 只能是…"), none after Chinese ("层数必须…"). */
export const messageName = (name: string): string => (/[\w)]$/.test(name) ? `${name} ` : name);

/**
 * Reader- or link-supplied text as a message quotes it (the one quoting rule of every link and
 * field message that echoes what it received): at most `max` characters (whole graphemes, so 🇨🇳
 * and 👨‍👩‍👧 are never cut apart, nor half a surrogate pair); U+FFFD (what a malformed `%` sequence such as `%E0` decodes to),
 * a lone surrogate and each invisible character (NUL, a line break, the zero-width space…)
 * written as its code point, "U+FFFD", "U+200B" (textgen/unreadable.ts codeOf, as the other
 * messages name them), so the reader sees that it is there.
 */
export function quoteInput(text: string, max = 20): string {
  const clusters = graphemes(text);
  const shown = clusters.slice(0, max).map(showCluster).join('');
  return clusters.length > max ? `${shown}…` : shown;
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;

/** The text's user-perceived characters (🇨🇳, 👨‍👩‍👧 and a letter with its accents are one each); code points where Intl.Segmenter is missing. */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : [...text];
}

/** Invisible code points that build a visible character and so are not named inside it: the joiner of 👨‍👩‍👧, the emoji/text selectors, and the tag characters of flags such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿. */
const builds = (c: string): boolean => {
  const cp = c.codePointAt(0)!;
  return cp === 0x200d || cp === 0xfe0e || cp === 0xfe0f || (cp >= 0xe0020 && cp <= 0xe007f);
};

/** Code points shown of one grapheme: the longest emoji sequences have 10; a letter with thousands of combining marks from a link does not spill over the page. */
const CLUSTER_MAX = 12;

/**
 * One grapheme as a quote shows it. A cluster that starts with a visible character keeps the
 * invisible code points that build it (`builds`); any other invisible or broken one in it is named
 * (a ZWNJ after a letter is U+200C). A cluster that starts with an invisible or broken one is named
 * code point by code point. At most CLUSTER_MAX code points, then “…”.
 */
function showCluster(g: string): string {
  const cps = [...g];
  const hidden = (c: string) => isBroken(c) || unseen(c);
  const visibleStart = !hidden(cps[0]);
  const shown = cps.slice(0, CLUSTER_MAX).map((c) => (hidden(c) && !(visibleStart && builds(c)) ? codeOf(c) : c));
  return shown.join('') + (cps.length > CLUSTER_MAX ? '…' : '');
}

/** Blank characters a reader knows by name: named so, with the code point that tells them apart. */
const NAMED_BLANKS: Readonly<Record<string, string>> = { '\u3000': '全角空格（U+3000）', '\u00A0': '不换行空格（U+00A0）' };

/**
 * One character as a notice names it: “床” when it shows as itself; the plain space as 空格 (a
 * quoted blank would look like nothing), the ideographic space as 全角空格（U+3000）and the
 * no-break space as 不换行空格（U+00A0）; another invisible one (see quoteInput: U+200B, a
 * private-use or unassigned code point) as its bare code point, U+200B, with no quotes around
 * nothing visible.
 */
export function nameChar(c: string): string {
  if (c === ' ') return '空格';
  if (Object.hasOwn(NAMED_BLANKS, c)) return NAMED_BLANKS[c];
  const shown = quoteInput(c);
  return shown === c ? `“${c}”` : shown;
}

/** A grapheme that is an emoji sequence: its joiners, selectors and tags (`builds`) are part of one picture. */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u;

/**
 * For each code point of `text`, whether it is an invisible code point that builds an emoji with
 * its neighbours (`builds`: the U+200D joiners of 👨‍👩‍👧, the U+FE0F of ❤️, the tags of 🏴󠁧󠁢󠁳󠁣󠁴󠁿), so
 * a lab that drops invisible characters does not report it as a stray one: the emoji is named
 * whole instead (unknownGraphemes). A joiner between two 汉字 is stray. Code points, not UTF-16 units.
 */
export function emojiBuilders(text: string): boolean[] {
  return graphemes(text).flatMap((g) => {
    const inEmoji = EMOJI.test(g);
    return [...g].map((c) => inEmoji && builds(c));
  });
}

/**
 * The characters that hold the code points `unknown` (those a model lacks) in `text`, as a notice
 * names them: whole graphemes (🇨🇳, not two regional indicators; 👨‍👩‍👧 with its joiners; e +
 * U+0301 as é), distinct, in order of first appearance. Inside a grapheme, an invisible code point
 * neither unknown nor building an emoji (a stray U+200B a lab drops and names apart) is left out.
 * An unknown code point found in no grapheme of `text` is named on its own. Never throws.
 */
export function unknownGraphemes(unknown: readonly string[], text: string): string[] {
  const wanted = new Set(unknown);
  const found = new Set<string>();
  const covered = new Set<string>();
  for (const g of graphemes(text)) {
    const cps = [...g];
    if (!cps.some((c) => wanted.has(c))) continue;
    const inEmoji = EMOJI.test(g);
    const keep = (c: string) => wanted.has(c) || !(isBroken(c) || unseen(c)) || (inEmoji && builds(c));
    found.add(cps.filter(keep).join(''));
    cps.forEach((c) => covered.add(c));
  }
  return [...found, ...unknown.filter((c) => !covered.has(c))];
}

/** The one wording for characters a model's vocabulary lacks (it reads them as <unk>, id 0). */
export const NOT_IN_VOCAB = '不在模型的字符表中';

/**
 * How the book names the size of its models' character table (the 5.2 节 LSTM's, which 附录 A's
 * Transformer shares): 字符表是 2999 个唐诗常用字. `ids` is the vocabulary's length with <unk>
 * (id 0), which is not a character and is not counted; the shipped one has 3,000 ids.
 */
export const charTableSize = (ids: number): string => `字符表是 ${ids - 1} 个唐诗常用字`;

/** The characters `unknown` as notices name them (nameChar), joined by 、. */
export const unknownNames = (unknown: readonly string[]): string => unknown.map(nameChar).join('、');

/**
 * The one sentence naming characters a model lacks: “🇨🇳”、“é” 不在模型的字符表中. With `text`
 * (what the reader wrote), the code points `unknown` are named as whole characters of it
 * (unknownGraphemes). Every unknown-character message is built on it (unknownNotice, the stepper's).
 */
export const notInVocab = (unknown: readonly string[], text?: string): string =>
  `${unknownNames(text === undefined ? unknown : unknownGraphemes(unknown, text))} ${NOT_IN_VOCAB}`;

/**
 * The one notice for characters a model reads as <unk> (id 0), for every widget that reads text
 * with a vocabulary (the attention map, §10.4, §9.2's prompt, the generation labs): `unknown`
 * distinct, in order; with `text`, named as its whole characters (notInVocab). A widget may put
 * what the text is in front (开头文字里的 …).
 */
export const unknownNotice = (unknown: readonly string[], text?: string): string => `${notInVocab(unknown, text)}，按 <unk>（未知字符）处理。`;

/**
 * The one message for a value that is not one of a field's options: `shown` names the options as
 * the reader sees them beside the field (labels, not link ids), so a link's refusal reads like
 * the form. `raw` is quoted by quoteInput; an empty one reads {name}是空的.
 */
export const notAnOption = (name: string, raw: string, shown: readonly string[]): string =>
  // An empty or blank value (a link's `corpus=` or `corpus=%20`) is said to be empty: 未知的语料“ ” names nothing.
  `${raw.trim() === '' ? `${name}是空的` : `未知的${name}“${quoteInput(raw)}”`}，可选：${shown.join('、')}。`;

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
