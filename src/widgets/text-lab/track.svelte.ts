/**
 * One model's text in a text lab (§5.2's, and each side of 附录 A's): its characters (each with
 * the bars of its distribution) and which one the bars show. Replaced once a frame, never
 * mutated ($state.raw): a deep proxy per character would cost more than the model.
 */
import type { OutChar } from './output';

export class Track {
  output = $state.raw<OutChar[]>([]);
  /** Index into output whose distribution the bars show; the latest while writing. */
  selected = $state(-1);
  /** Which checkpoint writes here. */
  label = $state('');

  clear(): void {
    this.output = [];
    this.selected = -1;
  }

  /** Clears, then runs `run`, which hands characters over a frame's worth at a time. */
  async write<R>(run: (deliver: (chars: OutChar[]) => void) => Promise<R>): Promise<R> {
    this.clear();
    return run((chars) => {
      this.output = this.output.concat(chars);
      this.selected = this.output.length - 1;
    });
  }
}
