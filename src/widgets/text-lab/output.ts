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

/** The longest turn: a page that takes long to paint gets longer turns, up to this (a "long task" is 50 ms). */
export const MAX_TURN_MS = 40;

/**
 * A frame's writing time after the page spent `pageMs` between two turns (rendering, waiting for
 * the frame): at least FRAME_BUDGET_MS, and 1.5 × pageMs when painting is slow, so writing keeps
 * about 60 % of the time, but never over MAX_TURN_MS.
 */
export const turnBudget = (pageMs: number): number => Math.min(MAX_TURN_MS, Math.max(FRAME_BUDGET_MS, 1.5 * pageMs));

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
 * turn starts when it resumes at a frame and lasts turnBudget(the time from its last turn's end)
 * divided among the writers.
 */
export class FrameClock {
  private writers = 0;
  private turnStart = -Infinity;
  private budget = FRAME_BUDGET_MS;

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
    return performance.now() - this.turnStart > this.budget / Math.max(1, this.writers);
  }

  /** Waits for the next frame and starts a turn there. */
  async nextTurn(): Promise<void> {
    const end = performance.now();
    await nextFrame();
    this.turnStart = performance.now();
    this.budget = turnBudget((this.turnStart - end) / Math.max(1, this.writers));
  }
}
