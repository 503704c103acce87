/**
 * The lab worker's switchboard: waits for the hello that names a lab (labs.ts), loads that lab's
 * handler (a dynamic import in the worker, so a lab loads only its own code), and hands it every
 * message after the hello, in the order they came, including those that arrived while it was
 * still loading. Framework-free, so its ordering is tested in Node; the worker wires it to `self`.
 */
import { readLabHello, type LabName } from './labs';

/** A lab's message handler: what the lab's worker file exports as `onMessage`. */
export type LabHandler = (event: MessageEvent) => void;

/** Loads one lab's handler module. */
export type LabLoader = () => Promise<{ onMessage: LabHandler }>;

export interface Dispatcher {
  /** Give it every message the worker receives. */
  receive(event: MessageEvent): void;
}

/**
 * A dispatcher over `loaders` (one per lab). Messages before a valid hello are dropped; a second
 * hello goes to the lab's handler like any other message. `failed` is called once, with the
 * error, when the handler cannot be loaded; messages held for it, and any after, are then dropped.
 */
export function labDispatcher(loaders: Record<LabName, LabLoader>, failed: (lab: LabName, error: unknown) => void): Dispatcher {
  let handler: LabHandler | null = null;
  /** Messages received after the hello while the handler loads; null before the hello. */
  let held: MessageEvent[] | null = null;
  return {
    receive(event) {
      if (handler) return handler(event);
      if (held) return void held.push(event);
      const lab = readLabHello(event.data);
      if (lab === null) return;
      const waiting: MessageEvent[] = (held = []);
      loaders[lab]().then(
        ({ onMessage }) => {
          handler = onMessage;
          for (const e of waiting.splice(0)) onMessage(e);
        },
        (error: unknown) => {
          handler = () => {};
          waiting.length = 0;
          failed(lab, error);
        },
      );
    },
  };
}
