/**
 * The book's one lab worker. Each lab's handler stays in its widget's folder (text-lab/,
 * gpt-train/, compress-lab/, interpret-view/ *.worker.ts, each exporting `onMessage`); this entry
 * loads the one the page's first message names (lib/workers/labs.ts) and passes it every later
 * message (lib/workers/dispatch.ts). One entry means the build bundles the workers' TF.js in one
 * run and ships it once, shared by the labs' chunks (issue 12: the warm build ≤ 30 s).
 *
 * If a lab's code cannot be loaded, the error is thrown from a task, so the page's
 * `worker.onerror` reports it as it reports a worker script that failed to load.
 */
import { labDispatcher } from '../../lib/workers/dispatch';
import { LAB_LOAD_FAILED } from '../../lib/workers/labs';

const dispatcher = labDispatcher(
  {
    'text-lab': () => import('../text-lab/train.worker'),
    'text-gen': () => import('../text-lab/gen.worker'),
    'gpt-train': () => import('../gpt-train/train.worker'),
    'compress-lab': () => import('../compress-lab/compress.worker'),
    'interpret-view': () => import('../interpret-view/interpret.worker'),
  },
  () =>
    setTimeout(() => {
      throw new Error(LAB_LOAD_FAILED);
    }),
);

self.onmessage = (event) => dispatcher.receive(event);
