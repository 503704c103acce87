/**
 * Pause, resume and stop for a training run, as both training workers (the LSTM's and the
 * Transformer's) receive them: 'pause' takes effect after the batch under way, 'stop' after the
 * batch under way (or at once when paused), 'resume' lets a paused run go on. Plain state and
 * a promise, no DOM, so the same object drives a worker and a unit test.
 */
export class TrainControl {
  private stopRequested = false;
  private paused: { promise: Promise<void>; resume: () => void } | null = null;

  /** A fresh run: forget an earlier stop or pause. */
  reset(): void {
    this.stopRequested = false;
    this.resume();
  }

  pause(): void {
    if (this.paused) return;
    let resume = () => {};
    const promise = new Promise<void>((r) => (resume = r));
    this.paused = { promise, resume };
  }

  resume(): void {
    this.paused?.resume();
    this.paused = null;
  }

  stop(): void {
    this.stopRequested = true;
    this.resume();
  }

  /** For the loop's shouldStop. */
  shouldStop = (): boolean => this.stopRequested;

  /** Call after each batch: when a pause was asked for, calls `onPaused` and waits for resume or stop. */
  async afterBatch(onPaused: () => void): Promise<void> {
    if (!this.paused) return;
    onPaused();
    await this.paused.promise;
  }
}
