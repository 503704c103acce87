/**
 * Keeps a field's message from moving the button the reader is pressing. A text field reports its
 * value on `change`, which fires when it loses focus: when the reader types and then presses a
 * button below, the message line appears (or goes) between the button's mousedown and mouseup,
 * the button moves, and the browser fires no click. Changes that would move the layout go through
 * `run`: while a pointer is pressed they wait until just after its click.
 *
 * Mouse: the gate closes on a left-button pointerdown and opens after the pointerup (the click
 * follows at once). Other buttons are ignored: a right-click's mouseup may be eaten by the context
 * menu, which would leave the gate closed. Touch and pen: the browser runs the tap (mousedown,
 * focus move, the field's `change`, click) only after the finger lifts, so the gate stays closed
 * after pointerup until the next `click`, `pointercancel` or `contextmenu`, or FALLBACK_MS later
 * when no click follows (a tap on plain text). Each pressed pointer is tracked by its pointerId:
 * the gate opens when the last one is released.
 */

/** The fields of a PointerEvent the gate reads. */
export type Press = Pick<PointerEvent, 'pointerId' | 'pointerType' | 'button'>;

/** Runs `f` after `ms` milliseconds; returns a function that cancels it. */
export type Timer = (f: () => void, ms: number) => () => void;

/** How long (ms) a lifted touch keeps the gate closed when no click follows. */
export const FALLBACK_MS = 1000;

const timeout: Timer = (f, ms) => {
  const id = setTimeout(f, ms);
  return () => clearTimeout(id);
};

export class PressGate {
  private readonly pressed = new Set<number>();
  private awaitingClick = false;
  private cancelFallback: (() => void) | null = null;
  private readonly queued = new Map<object, () => void>();

  /**
   * `later` runs a function after the current event's click (a macrotask in the page); `timer`
   * schedules the fallback release of a tap that brings no click.
   */
  constructor(
    private readonly later: (f: () => void) => void = (f) => void setTimeout(f, 0),
    private readonly timer: Timer = timeout,
  ) {}

  private get closed(): boolean {
    return this.pressed.size > 0 || this.awaitingClick;
  }

  /** Applies a change for `key` now, or, while the gate is closed, once it opens (the latest per key). */
  run(key: object, apply: () => void): void {
    if (!this.closed) {
      this.queued.delete(key);
      apply();
    } else this.queued.set(key, apply);
  }

  /** A pointer was pressed: closes the gate (a mouse only for its main button). */
  down(p: Press): void {
    if (p.pointerType === 'mouse' && p.button !== 0) return;
    this.pressed.add(p.pointerId);
  }

  /** A pointer was released: for a mouse the gate opens; for touch or pen it waits for the click. */
  up(p: Press): void {
    if (!this.pressed.delete(p.pointerId)) return;
    if (p.pointerType !== 'mouse') {
      this.awaitingClick = true;
      this.cancelFallback?.();
      this.cancelFallback = this.timer(() => this.clicked(), FALLBACK_MS);
    }
    this.open();
  }

  /** A click (or the fallback timer): a lifted touch's tap has been handled. */
  clicked(): void {
    this.stopWaiting();
    this.open();
  }

  /** A pointer was lost (pointercancel): no click follows it. */
  cancel(p: Press): void {
    this.pressed.delete(p.pointerId);
    this.clicked();
  }

  /** A context menu opened, or the window lost focus: no pointer is pressed any more. */
  reset(): void {
    this.pressed.clear();
    this.clicked();
  }

  private stopWaiting(): void {
    this.awaitingClick = false;
    this.cancelFallback?.();
    this.cancelFallback = null;
  }

  /** What waited is applied once the current event (the click) has been handled, if still open. */
  private open(): void {
    if (this.closed) return;
    this.later(() => {
      if (this.closed) return;
      const waiting = [...this.queued.values()];
      this.queued.clear();
      for (const apply of waiting) apply();
    });
  }
}

/** The page's one gate, fed by the document's pointer events (none during server rendering). */
export const pressGate = new PressGate();
if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', (e) => pressGate.down(e), true);
  document.addEventListener('pointerup', (e) => pressGate.up(e), true);
  document.addEventListener('pointercancel', (e) => pressGate.cancel(e), true);
  document.addEventListener('click', () => pressGate.clicked(), true);
  document.addEventListener('contextmenu', () => pressGate.reset(), true);
  window.addEventListener('blur', () => pressGate.reset());
}
