/**
 * How many mini-batch steps one animation frame runs. Steps run until the frame's time budget is
 * spent, and never fewer than the most that fitted in the budget in any of the recent frames: a
 * frame in which the browser was descheduled (a busy machine) still does its share, so the budget
 * paces the work instead of measuring the machine's load. `limitMs` bounds a frame whatever the
 * pace says (20 ms: with the display work a frame then still fits ≥ 30 frames/s). The steps are the same whatever the pace, so a seed gives the same trajectory.
 */
export class Pace {
  private recent: number[] = [];

  constructor(
    readonly budgetMs = 12,
    readonly limitMs = 20,
    readonly frames = 30,
  ) {}

  /**
   * Calls `step` (which returns false to stop early, e.g. on divergence) for one frame that began
   * at `start` (ms, the clock of `now`); returns how many steps ran.
   */
  run(step: () => boolean, start: number, now: () => number = () => performance.now()): number {
    const floor = Math.max(1, ...this.recent);
    let n = 0;
    let inBudget = 0;
    for (;;) {
      const go = step();
      n++;
      const elapsed = now() - start;
      if (elapsed < this.budgetMs) inBudget = n;
      if (!go || elapsed > this.limitMs || (n >= floor && elapsed >= this.budgetMs)) break;
    }
    this.recent = [...this.recent.slice(1 - this.frames), inBudget];
    return n;
  }

  /** Forget the recent frames (a new configuration may step at another speed). */
  reset(): void {
    this.recent = [];
  }
}
