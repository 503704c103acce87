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

/**
 * When a frame has passed since the last hand-over. Two texts written side by side share one
 * clock, so each writes for a frame's time in turn and the page still paints once a frame.
 */
export class FrameClock {
  private last = performance.now();

  /** True once a frame has passed since the last `due` that was true (or `restart`); restarts then. */
  due(): boolean {
    if (performance.now() - this.last <= FRAME_MS) return false;
    this.restart();
    return true;
  }

  restart(): void {
    this.last = performance.now();
  }
}

export class FrameBuffer<T> {
  private pending: T[] = [];

  /** `deliver` receives the characters gathered since the last hand-over. */
  constructor(
    private readonly deliver: (items: T[]) => void,
    private readonly clock = new FrameClock(),
  ) {}

  /** Adds one item; true when a frame has passed and the caller should yield so the page paints. */
  push(item: T): boolean {
    this.pending.push(item);
    if (!this.clock.due()) return false;
    this.hand();
    return true;
  }

  flush(): void {
    this.clock.restart();
    this.hand();
  }

  private hand(): void {
    if (!this.pending.length) return;
    const items = this.pending;
    this.pending = [];
    this.deliver(items);
  }
}
