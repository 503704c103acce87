/**
 * Early stopping on the validation loss: training should stop once the loss has gone `patience`
 * observations without improving on its best by more than `minDelta`. Improvements smaller than
 * minDelta are noise, not progress, so they do not reset the count.
 */
export class EarlyStop {
  /** Lowest validation loss seen so far. */
  best = Infinity;
  /** Observations since `best` was set. */
  since = 0;

  constructor(
    readonly patience: number,
    readonly minDelta = 1e-4,
  ) {}

  /** Records one validation loss; true when training should stop. */
  observe(val: number): boolean {
    if (val < this.best - this.minDelta) {
      this.best = val;
      this.since = 0;
      return false;
    }
    return ++this.since >= this.patience;
  }

  reset(): void {
    this.best = Infinity;
    this.since = 0;
  }
}
