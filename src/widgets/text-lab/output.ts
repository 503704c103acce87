/**
 * What the text labs show for each generated character, and how characters reach the page: the
 * model writes in short slices, yielding to the page between them, and what it wrote is handed
 * over once an animation frame, so the page renders once a frame, not once a character (per
 * character, rendering made the lab about 20× slower than its model).
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

/**
 * Milliseconds a writer computes before it lets the page have the main thread: a due frame is
 * rendered and input is handled between two slices, so a click waits at most this long.
 */
export const SLICE_MS = 10;

/** Hidden pages get no animation frames; their characters are handed over this often instead (the browser may throttle it). */
const HIDDEN_FRAME_MS = 100;

/** Resolves at the next animation frame (or after HIDDEN_FRAME_MS where there is none). */
export const nextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, HIDDEN_FRAME_MS);
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      });
  });

/** Resolvers of writers waiting to go on after the page's queued work; one channel serves them all. */
const waiting: (() => void)[] = [];
let channel: MessageChannel | undefined;

/**
 * Resolves in a new task, queued behind what the page already has waiting (a frame that is due,
 * an input event). A message rather than setTimeout(0): browsers clamp nested timers to 4 ms and
 * throttle them in hidden pages.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/** How a writer waits: for the page's queued work, and for the next frame (replaced in tests). */
export interface PageClock {
  yieldToPage: () => Promise<void>;
  nextFrame: () => Promise<void>;
}

/**
 * The slices of the texts written at once (side by side): each writer computes for SLICE_MS
 * divided among the writers, then yields to the page (FrameClock.nextTurn), so the writers take
 * turns and the page renders in between. Characters are handed over at animation frames
 * (FrameClock.frame), not per slice: the page lays out and paints once a frame, and writing goes
 * on between frames instead of waiting for them (waiting for each frame left writing only about
 * 10 ms of every 16.7).
 */
export class FrameClock {
  private writers = 0;
  private turnStart = -Infinity;

  constructor(private readonly page: PageClock = { yieldToPage, nextFrame }) {}

  /** A writer starts; returns the function that says it has stopped. */
  join(): () => void {
    this.writers++;
    let left = false;
    return () => {
      if (!left) this.writers--;
      left = true;
    };
  }

  /** True once the current slice has used its share of SLICE_MS (and before the first slice). */
  spent(): boolean {
    return performance.now() - this.turnStart > SLICE_MS / Math.max(1, this.writers);
  }

  /** Lets the page run what it has queued, then starts a slice. */
  async nextTurn(): Promise<void> {
    await this.page.yieldToPage();
    this.turnStart = performance.now();
  }

  /** Resolves at the next animation frame. */
  frame(): Promise<void> {
    return this.page.nextFrame();
  }
}
