/**
 * Runs training steps in the page's spare time, apart from drawing. Steps run in tasks of at most
 * `sliceMs` each, queued one behind the other as messages (not setTimeout, which browsers clamp to
 * 4 ms when nested), so the browser draws a frame and answers input between any two of them; the
 * animation frame only draws, and calls `frame()`.
 *
 * Why not steps inside the animation frame (as this widget did): a frame that trained for a fixed
 * budget and then drew overran the display's 16.7 ms and waited, idle, for the next vsync — with a
 * 12 ms budget, frames came every ~25 ms and the page trained about half the time.
 *
 * The slice adapts so that frames keep coming about every `frameMs`: at each frame it moves by
 * half the difference, slice += (frameMs − interval)/2 (shortened by at most MAX_CUT_MS), within
 * [minSliceMs, maxSliceMs]. A frame that comes late (drawing took longer, or the machine is busy)
 * shortens it, an early one lengthens it, and where drawing takes d ms a frame it settles at
 * frameMs − d within a few frames. So a quiet machine trains nearly all the time between ~36 frames/s, and a busy one keeps
 * its frame rate and trains less. (It used to shrink by a fifth and grow by 1 ms: the asymmetry
 * held frames near 50/s, 20 ms apart, with slices of ~13 ms where ~21 fit.) Where frames wait for
 * a 60 Hz display, intervals are 16.7 or 33.3 ms and it alternates between them, ~28 ms apart on average.
 *
 * Stepping also stops when no frame has come for `staleMs`: a hidden tab gets no frames, nobody is
 * watching, and it should not burn a core; the next `frame()` resumes it. The steps themselves are
 * the same however they are sliced, so a seed gives the same trajectory on any machine.
 */
import { messagePost, type Post } from '../schedule/task-queue';

/** The most one frame shortens the slice by, ms. */
export const MAX_CUT_MS = 8;

export interface SliceLoopOptions {
  /** The interval between frames the slice adapts to, ms (28: ~36 frames/s). */
  frameMs?: number;
  /** The slice's first length (default: the longest) and its bounds, ms: the longest is what input and drawing may wait. */
  sliceMs?: number;
  minSliceMs?: number;
  maxSliceMs?: number;
  /** Stepping pauses when the last frame is older than this, ms. */
  staleMs?: number;
  /** Clock, ms. */
  now?: () => number;
  /** Queues `task` behind what is already waiting (default: a MessageChannel message). */
  post?: Post;
  /** False while steps must wait (e.g. TF.js is switching backend); the next frame() retries. */
  ready?: () => boolean;
  /** The loop has ended by itself: `step` returned false, or threw `error`. */
  onEnd?: (error?: unknown) => void;
}

export class SliceLoop {
  /** The current slice, ms (adapted at each frame). */
  sliceMs: number;
  readonly frameMs: number;
  readonly minSliceMs: number;
  readonly maxSliceMs: number;
  readonly staleMs: number;
  private readonly now: () => number;
  private readonly post: Post;
  private running = false;
  private queued = false;
  private lastFrame = -Infinity;

  /** `step` runs one training step and returns false to end the loop (e.g. on divergence). */
  constructor(
    private readonly step: () => boolean,
    private readonly options: SliceLoopOptions = {},
  ) {
    this.frameMs = options.frameMs ?? 28;
    this.minSliceMs = options.minSliceMs ?? 4;
    this.maxSliceMs = options.maxSliceMs ?? 24;
    this.sliceMs = options.sliceMs ?? this.maxSliceMs; // from the longest: the first frames show whether drawing leaves room for it
    this.staleMs = options.staleMs ?? 250;
    this.now = options.now ?? (() => performance.now());
    this.post = options.post ?? messagePost();
  }

  get active(): boolean {
    return this.running;
  }

  start(): void {
    this.running = true;
    this.lastFrame = -Infinity;
    this.frame();
  }

  /** Stops before the next step; a task already queued does nothing. */
  stop(): void {
    this.running = false;
  }

  /** A frame was drawn: stepping may go on (or resume after a pause for want of frames). */
  frame(): void {
    const now = this.now();
    const interval = now - this.lastFrame;
    // One late frame (a GC, a first draw) takes at most MAX_CUT_MS off: it says little about the next.
    const change = Math.max(-MAX_CUT_MS, (this.frameMs - interval) / 2);
    if (interval <= this.staleMs) this.sliceMs = Math.min(this.maxSliceMs, Math.max(this.minSliceMs, this.sliceMs + change));
    this.lastFrame = now;
    this.queue();
  }

  private queue(): void {
    if (!this.running || this.queued) return;
    this.queued = true;
    this.post(() => this.slice());
  }

  private slice(): void {
    this.queued = false;
    const start = this.now();
    if (!this.running || start - this.lastFrame > this.staleMs || this.options.ready?.() === false) return;
    try {
      do {
        if (!this.step()) return this.end();
      } while (this.now() - start < this.sliceMs);
    } catch (error) {
      return this.end(error);
    }
    this.queue();
  }

  private end(error?: unknown): void {
    this.running = false;
    this.options.onEnd?.(error);
  }
}
