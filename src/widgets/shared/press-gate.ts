/**
 * Keeps a field's message from moving the button the reader is pressing. A text field reports its
 * value on `change`, which fires when it loses focus: when the reader types and then presses a
 * button below, the message line appears (or goes) between the button's mousedown and mouseup,
 * the button moves, and the browser fires no click. Changes that would move the layout go through
 * `run`: while a pointer is pressed they wait until just after it is released (after its click).
 */
export class PressGate {
  private pressed = false;
  private readonly queued = new Map<object, () => void>();

  /** `later` runs a function after the current event's click (a macrotask in the page). */
  constructor(private readonly later: (f: () => void) => void = (f) => void setTimeout(f, 0)) {}

  /** Applies a change for `key` now, or, while a pointer is pressed, after it is released (the latest per key). */
  run(key: object, apply: () => void): void {
    if (!this.pressed) {
      this.queued.delete(key);
      apply();
    } else this.queued.set(key, apply);
  }

  down(): void {
    this.pressed = true;
  }

  /** The pointer was released or lost: what waited is applied once the click has been handled. */
  up(): void {
    this.pressed = false;
    this.later(() => {
      if (this.pressed) return;
      const waiting = [...this.queued.values()];
      this.queued.clear();
      for (const apply of waiting) apply();
    });
  }
}

/** The page's one gate, fed by the document's pointer events (none during server rendering). */
export const pressGate = new PressGate();
if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => pressGate.down(), true);
  for (const type of ['pointerup', 'pointercancel'] as const) document.addEventListener(type, () => pressGate.up(), true);
  window.addEventListener('blur', () => pressGate.up());
}
