/**
 * Importing a progress file merges it into what is here: nothing already recorded is lost.
 * A section stays read with its earliest time; an exercise keeps the larger attempt count and
 * counts as correct if either side solved it; tasks keep their earliest completion.
 */
import { emptyProgress, type Progress } from './schema';

const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

export function mergeProgress(a: Progress, b: Progress): Progress {
  const out = emptyProgress();
  for (const src of [a, b]) {
    for (const [id, m] of Object.entries(src.sections)) {
      const have = out.sections[id];
      out.sections[id] = have ? (Date.parse(have.at) <= Date.parse(m.at) ? have : m) : m;
    }
    for (const [id, e] of Object.entries(src.exercises)) {
      const have = out.exercises[id];
      out.exercises[id] = have
        ? { attempts: Math.max(have.attempts, e.attempts), correct: have.correct || e.correct, at: Date.parse(have.at) >= Date.parse(e.at) ? have.at : e.at }
        : e;
    }
    for (const [id, at] of Object.entries(src.tasks)) out.tasks[id] = out.tasks[id] ? earlier(out.tasks[id], at) : at;
  }
  return out;
}
