/**
 * The labs that compute in the book's one lab worker (widgets/shared/lab.worker.ts). They all
 * share a single worker script, so the build bundles TF.js for workers once, not once per lab
 * (issue 12: the warm build ≤ 30 s), and the offline precache holds that code once. The page
 * names its lab in the worker's first message (`LabHello`); the worker then loads that lab's
 * handler and passes it every later message. Each lab's own messages keep their own protocol
 * and validator (lib/textgen/protocol.ts, lib/textgen/gen-protocol.ts, lib/compress/protocol.ts, lib/interpret/protocol.ts).
 */
import { isChoice } from '../parse/choice';

/** The labs, by the widget folder whose handler runs them. */
export const LAB_NAMES = ['text-lab', 'text-gen', 'gpt-train', 'compress-lab', 'interpret-view'] as const;

export type LabName = (typeof LAB_NAMES)[number];

/** The first message the page sends a lab worker: which lab to run. */
export interface LabHello {
  type: 'lab';
  lab: LabName;
}

/** The hello for `lab`. */
export const labHello = (lab: LabName): LabHello => ({ type: 'lab', lab });

/**
 * The lab a first message names, or null when `data` is not a hello (another type, a missing or
 * inherited field, a name not in `LAB_NAMES`). Own keys only; never throws.
 */
export function readLabHello(data: unknown): LabName | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if (!Object.hasOwn(data, 'type') || !Object.hasOwn(data, 'lab')) return null;
  const { type, lab } = data as Record<string, unknown>;
  return type === 'lab' && isChoice(lab, LAB_NAMES) ? lab : null;
}

/** What the page shows when the worker could not load its lab's code (offline before it was stored, or a newer build replaced it). */
export const LAB_LOAD_FAILED = '计算线程没能载入这个实验的代码。请检查网络连接，然后刷新页面再试。';

/**
 * What to show for a worker's `error` event: its message without the browser's "Uncaught " and
 * error-type prefix (Chromium reports `throw new Error('…')` as "Uncaught Error: …"), or
 * `fallback` when the event carries no message (a script that failed to load). Never throws.
 */
export function workerErrorText(message: unknown, fallback: string): string {
  const text = typeof message === 'string' ? message.replace(/^(?:Uncaught\s+)?(?:[A-Za-z]*Error:\s*)?/, '').trim() : '';
  return text || fallback;
}
