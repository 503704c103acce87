/**
 * What the text lab shows for each generated character, and how characters reach the page:
 * gathered and handed over once a frame, so rendering costs per frame, not per character
 * (per character, rendering made the lab about 20× slower than its model).
 */
export interface Bar {
  char: string;
  p: number;
}

export interface OutChar {
  char: string;
  /** Top 10 of the distribution this character was drawn from, plus the drawn one. */
  bars: Bar[];
}

/** Shows a newline, space or <unk> as a visible symbol in a bar label. */
export const visible = (c: string) => (c === '\n' ? '↵' : c === ' ' ? '␣' : c === '\uFFFD' ? '<unk>' : c);

/** About one display frame. */
const FRAME_MS = 16;

export class FrameBuffer<T> {
  private pending: T[] = [];
  private last = performance.now();

  /** `deliver` receives the characters gathered since the last hand-over. */
  constructor(private readonly deliver: (items: T[]) => void) {}

  /** Adds one item; true when a frame has passed and the caller should yield so the page paints. */
  push(item: T): boolean {
    this.pending.push(item);
    if (performance.now() - this.last <= FRAME_MS) return false;
    this.flush();
    return true;
  }

  flush(): void {
    this.last = performance.now();
    if (!this.pending.length) return;
    const items = this.pending;
    this.pending = [];
    this.deliver(items);
  }
}
