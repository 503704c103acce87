/**
 * Holding back what the page's workers send, so that a test decides when each message arrives.
 * Like a fake clock, but for worker messages: a test that needs "the reader acts while the model
 * is still writing" releases the messages one by one and acts between two of them, instead of
 * racing the worker (on a busy 2-core machine the worker may finish before the test acts).
 *
 * `holdWorkerMessages(page)` must run before the page loads: it wraps `Worker` so that a
 * worker's `onmessage` handler gets nothing while messages are held; they queue, in order, with
 * their `type` field visible to the test.
 */
import type { Page } from '@playwright/test';

interface Held {
  /** Holds every message received from now on. */
  hold(): void;
  /** The `type` of each held message, oldest first. */
  types(): string[];
  /** Hands the oldest held message to its handler; false when none is held. */
  releaseOne(): boolean;
  /** Hands over every held message, in order, and stops holding. */
  releaseAll(): void;
}

declare global {
  interface Window {
    heldWorkerMessages?: Held;
  }
}

/** Installs the holder in every document `page` loads from now on (nothing is held until `hold`). */
export async function holdWorkerMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const queue: { type: string; run: () => void }[] = [];
    let holding = false;
    const Native = window.Worker;
    class HeldWorker extends Native {
      get onmessage() {
        return super.onmessage;
      }
      set onmessage(handler: ((this: Worker, e: MessageEvent) => unknown) | null) {
        super.onmessage = !handler
          ? null
          : (e: MessageEvent) => {
              const run = () => handler.call(this, e);
              if (!holding) return run();
              const data: unknown = e.data;
              const type = data && typeof data === 'object' && 'type' in data ? String(data.type) : '';
              queue.push({ type, run });
            };
      }
    }
    window.Worker = HeldWorker;
    window.heldWorkerMessages = {
      hold: () => void (holding = true),
      types: () => queue.map((m) => m.type),
      releaseOne: () => {
        const m = queue.shift();
        m?.run();
        return Boolean(m);
      },
      releaseAll: () => {
        holding = false;
        while (queue.length) queue.shift()!.run();
      },
    };
  });
}

/** Resolves after the page has rendered twice more (what arrived is drawn and its scroll events fired). */
export const twoFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
