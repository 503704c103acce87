/**
 * The one sentence a widget shows for each problem with the link it was opened with. Views show
 * `linkProblemLine(problem)` and never compose the lead-in themselves.
 */
import { DAMAGED } from './fragment';
import { isRepeatedNotice } from './link-change';
import { isTrailingNotice } from './trailing';

/** A damaged link (fragment.ts): none of its settings were applied, so the sentence says that alone. */
export const LINK_DAMAGED = `${DAMAGED}（可能在转发时被截断或多了字符），链接里的设置都没有采用。请向发链接的人要一个完整的链接。`;

/**
 * The line for one link problem: LINK_DAMAGED, a trailing-character notice (trailing.ts) and a
 * repeated-key notice (link-change.ts) as they are; any other problem (a sentence saying what was wrong with one setting) after the
 * lead-in 链接中的设置有误. `keptDefault` (true unless the problem itself says what was used
 * instead) adds 已改用默认值.
 */
export function linkProblemLine(problem: string, keptDefault = true): string {
  if (problem === LINK_DAMAGED || isTrailingNotice(problem) || isRepeatedNotice(problem)) return problem;
  const defaulted = keptDefault && !problem.startsWith(UNKNOWN_KEY_LEAD);
  return `链接中的设置有误${defaulted ? '，已改用默认值' : ''}：${problem}`;
}

const UNKNOWN_KEY_LEAD = '不认识的设置“';

/**
 * The problem for a key that names no setting of its widget (`quotedKey`, already quoted for
 * display): it is ignored, so no default took its place and the line says only that.
 */
export const unknownKeyProblem = (quotedKey: string): string => `${UNKNOWN_KEY_LEAD}${quotedKey}”，已忽略。`;
