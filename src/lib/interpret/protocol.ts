/**
 * Messages between the §10.4 interpretability view (widgets/interpret-view) and its analysis
 * worker (interpret.worker.ts): the page asks for an analysis of a text by the checkpoints or the
 * reader's models; the worker says each step as it finishes (analyse.ts's AnalysisStep) and then
 * sends the whole analysis as plain numbers, with the models' labels, what it has to say about
 * them, and the tensors it still holds. What arrives from the worker is untrusted:
 * `parseFromInterpretWorker` is the one check, and it never throws.
 */
import type { AnalysisStep, GptAnalysis, LstmAnalysis, Prediction } from './analyse';
import type { Source } from './settings';
import type { StorageAnswer } from '../storage/indexed-db';

export interface StartAnalysis {
  type: 'start';
  /** Increasing per page; replies carry it back. */
  job: number;
  text: string;
  src: Source;
  /**
   * What the page's IndexedDB probe found (lib/storage/indexed-db.ts indexedDBOpens): 'ok',
   * 'refused' or 'late'. A worker shares its page's storage permission, so it asks storage itself
   * only after an 'ok'; after 'late' it does not wait a second time.
   */
  storage: StorageAnswer;
}

export interface AnalysisDone {
  type: 'done';
  job: number;
  lstm: LstmAnalysis;
  gpt: GptAnalysis;
  lstmLabel: string;
  gptLabel: string;
  /** About the models used (none saved, fell back to the checkpoint). */
  notices: string[];
  /** tf.memory().numTensors in the worker afterwards. */
  tensors: number;
}

export type FromInterpretWorker = { type: 'step'; job: number; step: AnalysisStep } | AnalysisDone | { type: 'error'; job: number; message: string };

type Rec = Record<string, unknown>;
const isRecord = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (r: Rec, key: string): unknown => (Object.hasOwn(r, key) ? r[key] : undefined);
const count = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
/** An array of finite numbers, of length `n` when given. */
const numbers = (x: unknown, n?: number): x is number[] => Array.isArray(x) && (n === undefined || x.length === n) && x.every(finite);

/** A prediction over `n` inputs: saliency scores ≥ 0, one per input; ln p ≤ 0 and p = exp(ln p) in [0, 1]. */
function prediction(x: unknown, n: number): Prediction | null {
  if (!isRecord(x)) return null;
  const [target, logProb, scores, shown, probability] = ['target', 'logProb', 'scores', 'shown', 'probability'].map((k) => own(x, k));
  if (!count(target) || !finite(logProb) || logProb > 0 || typeof shown !== 'string') return null;
  if (!numbers(scores, n) || scores.some((s) => s < 0)) return null;
  if (!finite(probability) || probability < 0 || probability > 1) return null;
  return { target, logProb, scores, shown, probability };
}

/** The fields every analysis has, or null. */
function analysis(x: unknown): (Rec & { chars: string[]; notices: string[]; prediction: Prediction }) | null {
  if (!isRecord(x)) return null;
  const [chars, notices] = [own(x, 'chars'), own(x, 'notices')];
  if (!strings(chars) || chars.length === 0 || !strings(notices)) return null;
  const p = prediction(own(x, 'prediction'), chars.length);
  return p && { ...x, chars, notices, prediction: p };
}

/** The LSTM's analysis: acts[t] of one length (the units) for every character read. */
function lstmAnalysis(x: unknown): LstmAnalysis | null {
  const a = analysis(x);
  const acts = a && own(a, 'acts');
  if (!a || !Array.isArray(acts) || acts.length !== a.chars.length) return null;
  const units = Array.isArray(acts[0]) ? acts[0].length : 0;
  if (units === 0 || !acts.every((row) => numbers(row, units))) return null;
  return { chars: a.chars, notices: a.notices, prediction: a.prediction, acts: acts as number[][] };
}

/** The Transformer's analysis: lastRow[layer][head] with a weight ≥ 0 per character read. */
function gptAnalysis(x: unknown): GptAnalysis | null {
  const a = analysis(x);
  const lastRow = a && own(a, 'lastRow');
  if (!a || !Array.isArray(lastRow) || lastRow.length === 0) return null;
  const n = a.chars.length;
  const ok = lastRow.every((layer) => Array.isArray(layer) && layer.length > 0 && layer.every((head) => numbers(head, n) && head.every((w) => w >= 0)));
  return ok ? { chars: a.chars, notices: a.notices, prediction: a.prediction, lastRow: lastRow as number[][][] } : null;
}

/**
 * The message `data` is, checked field by field (own keys only, finite numbers, shapes that fit
 * the characters read), or null when it is not one the protocol knows. Never throws.
 */
export function parseFromInterpretWorker(data: unknown): FromInterpretWorker | null {
  if (!isRecord(data)) return null;
  const job = own(data, 'job');
  if (!count(job)) return null;
  const s = (k: string) => own(data, k);
  const type = s('type');
  if (type === 'step') {
    const step = s('step');
    if (!isRecord(step)) return null;
    const [done, total, label] = [own(step, 'done'), own(step, 'total'), own(step, 'label')];
    return count(done) && count(total) && done <= total && typeof label === 'string' ? { type, job, step: { done, total, label } } : null;
  }
  if (type === 'done') {
    const [lstm, gpt] = [lstmAnalysis(s('lstm')), gptAnalysis(s('gpt'))];
    const [lstmLabel, gptLabel, notices, tensors] = [s('lstmLabel'), s('gptLabel'), s('notices'), s('tensors')];
    if (!lstm || !gpt || typeof lstmLabel !== 'string' || typeof gptLabel !== 'string' || !strings(notices) || !count(tensors)) return null;
    return { type, job, lstm, gpt, lstmLabel, gptLabel, notices, tensors };
  }
  if (type === 'error') return typeof s('message') === 'string' ? { type, job, message: s('message') as string } : null;
  return null;
}
