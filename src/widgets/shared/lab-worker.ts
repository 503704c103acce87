/**
 * Starts the book's one lab worker (lab.worker.ts) for a lab, on the page: every lab that
 * computes off the main thread shares that script, and the first message names the lab
 * (lib/workers/labs.ts). The worker's `name` shows the lab in the browser's developer tools.
 * The caller then talks to the worker in its lab's own protocol, exactly as to a worker of its own.
 */
import { labHello, type LabName } from '../../lib/workers/labs';

/** A module worker running `lab`; it has been sent its hello, so the caller's messages follow it. */
export function startLabWorker(lab: LabName): Worker {
  const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: lab });
  worker.postMessage(labHello(lab));
  return worker;
}
