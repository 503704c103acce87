/**
 * What the text labs show for each generated character, and how characters reach the page: the
 * model writes for a share of each display frame, then hands that frame's characters over at
 * once and waits for the next frame, so the page renders once a frame, not once a character
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

/**
 * Milliseconds of writing per display frame (a frame is about 16.7 ms at 60 Hz): what is left is
 * the page's, to lay out and paint what was written.
 */
export const FRAME_BUDGET_MS = 10;

/** Hidden pages get no animation frames; they go on writing this often instead (the browser may throttle it). */
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

/**
 * Each frame's writing time, shared by the texts written at once (side by side): each writer's
 * turn starts when it resumes at a frame and lasts FRAME_BUDGET_MS divided among the writers.
 */
export class FrameClock {
  private writers = 0;
  private turnStart = -Infinity;

  /** A writer starts; returns the function that says it has stopped. */
  join(): () => void {
    this.writers++;
    let left = false;
    return () => {
      if (!left) this.writers--;
      left = true;
    };
  }

  /** True once the current turn has used its share of the frame (and before the first turn). */
  spent(): boolean {
    return performance.now() - this.turnStart > FRAME_BUDGET_MS / Math.max(1, this.writers);
  }

  /** Waits for the next frame and starts a turn there. */
  async nextTurn(): Promise<void> {
    await nextFrame();
    this.turnStart = performance.now();
  }
}
