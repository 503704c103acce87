/**
 * What the text labs show for each generated character, and how characters reach the page: the
 * model writes in a worker (gen.worker.ts), and what arrives is handed over once an animation
 * frame (FrameHandover), so the page renders once a frame, not once a character (per character,
 * rendering made the lab about 20× slower than its model).
 */
import type { GenChar } from '../../lib/textgen/gen-protocol';

export type { Bar } from '../../lib/textgen/gen-protocol';

/** A generated character with the top 10 of the distribution it was drawn from, plus the drawn one. */
export type OutChar = GenChar;

/** Shows a newline, space or <unk> as a visible symbol in a bar label. */
export const visible = (c: string) => (c === '\n' ? '↵' : c === ' ' ? '␣' : c === '\uFFFD' ? '<unk>' : c);

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

/**
 * Hands what a writer receives to `deliver` at most once an animation frame: the first
 * characters at once (the reader sees the run start), later ones at the next frame, in order.
 * `flush` hands over what is pending now (at the end of a run).
 */
export class FrameHandover {
  private pending: OutChar[] = [];
  private first = true;
  private atFrame = false;

  constructor(
    private readonly deliver: (chars: OutChar[]) => void,
    private readonly frame: () => Promise<void> = nextFrame,
  ) {}

  push(chars: OutChar[]): void {
    for (const c of chars) this.pending.push(c);
    if (this.first) {
      this.first = false;
      this.flush();
    } else if (!this.atFrame) {
      this.atFrame = true;
      void this.frame().then(() => {
        this.atFrame = false;
        this.flush();
      });
    }
  }

  flush(): void {
    if (!this.pending.length) return;
    const chars = this.pending;
    this.pending = [];
    this.deliver(chars);
  }
}
