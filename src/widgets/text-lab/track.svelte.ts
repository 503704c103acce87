/**
 * One model's text in a text lab (§5.2's, and each side of 附录 A's): its characters (each with
 * the bars of its distribution), which one the bars show, and the prompt and temperature it was
 * written with, so that a prompt typed after the run does not relabel the run's text (`shown`). Replaced
 * once a frame, never mutated ($state.raw): a deep proxy per character would cost more than the model.
 */
import type { OutChar } from './output';

/**
 * Least ms between two moves of the bars to the latest character while a run writes: nobody reads
 * bars that change 60 times a second, and each move re-renders and repaints them.
 */
export const BARS_MS = 100;

/** What a run was started with, shown beside its text (the fields may have changed since). */
export interface RunSettings {
  prompt: string;
  temperature: number;
}

export class Track {
  /** `fields`: the prompt and temperature the lab's fields hold now, shown until a run has its own. */
  constructor(private readonly fields: () => RunSettings) {}

  output = $state.raw<OutChar[]>([]);
  /** Index into output whose distribution the bars show; the latest while writing. */
  selected = $state(-1);
  /** Which checkpoint writes here. */
  label = $state('');
  /** The settings of the run whose text this is; null while there is none. */
  ran = $state.raw<RunSettings | null>(null);

  /** The prompt and temperature to show beside the text: its run's, or before any run the fields'. */
  get shown(): RunSettings {
    return this.ran ?? this.fields();
  }

  clear(): void {
    this.output = [];
    this.selected = -1;
    this.ran = null;
  }

  /**
   * Clears, keeps `settings` with the text, then runs `run`, which hands characters over a frame's
   * worth at a time. The bars follow the latest character at most every BARS_MS, and show the
   * last one written once the run ends, however it ends.
   */
  async write<R>(settings: RunSettings, run: (deliver: (chars: OutChar[]) => void) => Promise<R>): Promise<R> {
    this.clear();
    this.ran = { ...settings };
    let moved = -Infinity;
    try {
      return await run((chars) => {
        this.output = this.output.concat(chars);
        const now = performance.now();
        if (now - moved < BARS_MS) return;
        moved = now;
        this.selected = this.output.length - 1;
      });
    } finally {
      this.selected = this.output.length - 1;
    }
  }
}
