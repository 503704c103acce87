/**
 * Starts the book's one lab worker (lab.worker.ts, built as a chunk of the page build:
 * lib/astro/lab-worker-chunk.ts) for a lab, on the page: every lab that
 * computes off the main thread shares that script, and the first message names the lab
 * (lib/workers/labs.ts). The worker's `name` shows the lab in the browser's developer tools.
 * The caller then talks to the worker in its lab's own protocol, exactly as to a worker of its own.
 */
import labWorkerUrl from 'virtual:book/lab-worker-url';
import { labHello, workerErrorText, type LabName } from '../../lib/workers/labs';

/** Where a lab's page takes the worker's messages and failures. */
export interface LabWorkerHandlers {
  /** Every message, unchecked (the lab's protocol validator reads it). */
  receive(data: unknown): void;
  /** The worker failed (a script that did not load, an uncaught error, a message that could not be read), in words. */
  fail(message: string): void;
}

/**
 * A module worker running `lab`; it has been sent its hello, so the caller's messages follow it.
 * With `handlers`, its messages and failures go there.
 */
export function startLabWorker(lab: LabName, handlers?: LabWorkerHandlers): Worker {
  const worker = new Worker(labWorkerUrl, { type: 'module', name: lab });
  if (handlers) {
    worker.onmessage = (e: MessageEvent<unknown>) => handlers.receive(e.data);
    worker.onerror = (e) => handlers.fail(workerErrorText(e.message, '计算线程出错'));
    worker.onmessageerror = () => handlers.fail('计算线程发来的消息无法读取');
  }
  worker.postMessage(labHello(lab));
  return worker;
}
