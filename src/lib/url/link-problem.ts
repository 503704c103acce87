/**
 * The problems a widget reports about the link it was opened with, as data: each is made with its
 * kind where it is found (link.ts: damaged, repeated key, trailing character; decodeFields: a
 * refused setting, an unknown key), and views show `linkProblemLine(problem)` with the role
 * `linkProblemRole(problem)` (widgets/shared/LinkProblems.svelte), never composing the lead-in
 * themselves nor recognising a problem by its words.
 */
import { DAMAGED } from './fragment';

/** A damaged link (fragment.ts): none of its settings were applied, so the sentence says that alone. */
export const LINK_DAMAGED = `${DAMAGED}（可能在转发时被截断或多了字符），链接里的设置都没有采用。请向发链接的人要一个完整的链接。`;

/**
 * What went wrong: `damaged` (the whole link refused), `trailing` (a chat app's 。 or ） cut off its
 * end, trailing.ts), `repeated` (a key given more than once, link-change.ts), `unknown-key` (a
 * key that names no setting, ignored), `setting` (one setting's value refused).
 */
export type LinkProblemKind = 'damaged' | 'trailing' | 'repeated' | 'unknown-key' | 'setting';

/** One problem with the link. `text` is the sentence about it without any lead-in. */
export interface LinkProblem {
  readonly kind: LinkProblemKind;
  readonly text: string;
  /** For a `setting`: whether the widget fell back to the default (false when `text` says what it used instead). */
  readonly defaulted?: boolean;
}

/** The damaged-link problem (LINK_DAMAGED). */
export const damagedProblem: LinkProblem = { kind: 'damaged', text: LINK_DAMAGED };

/**
 * The name a link's 0-based index goes by in its messages (“头（链接里的 map.head，0 是头 1）”): the
 * setting as the page names it, the link's key, and which of the page's items, counted from 1 as
 * the page counts them, the link's 0 is. A reader who pasted the link can then match the
 * refused number to what the page shows. The link itself keeps its 0-based value.
 */
export const linkIndexName = (name: string, key: string, first: string): string => `${name}（链接里的 ${key}，0 是${first}）`;

/** A refused setting whose `text` says why; `defaulted` (true unless `text` says what was used instead) adds 已改用默认值. */
export const settingProblem = (text: string, defaulted = true): LinkProblem => ({ kind: 'setting', text, defaulted });

/**
 * The problem for a key that names no setting of its widget (`quotedKey`, already quoted for
 * display): it is ignored, so no default took its place and the line says only that.
 */
export const unknownKeyProblem = (quotedKey: string): LinkProblem => ({ kind: 'unknown-key', text: `不认识的设置“${quotedKey}”，已忽略。` });

/**
 * Whether the problem is a repair the page made and says (a dropped trailing character, a repeated
 * key's later values): nothing the reader asked for was refused, so it is a notice, not an error.
 */
export const isLinkRepair = (problem: LinkProblem): boolean => problem.kind === 'trailing' || problem.kind === 'repeated';

/** The ARIA role a problem is shown with: `status` for a repair, `alert` for a refusal. */
export const linkProblemRole = (problem: LinkProblem): 'status' | 'alert' => (isLinkRepair(problem) ? 'status' : 'alert');

/**
 * The line for one link problem: a damaged link and the repairs as their sentences are; a refused
 * setting or an unknown key after the lead-in 链接中的设置有误, with 已改用默认值 for a setting that
 * fell back to its default.
 */
export function linkProblemLine(problem: LinkProblem): string {
  if (problem.kind === 'damaged' || isLinkRepair(problem)) return problem.text;
  const defaulted = problem.kind === 'setting' && problem.defaulted !== false;
  return `链接中的设置有误${defaulted ? '，已改用默认值' : ''}：${problem.text}`;
}
