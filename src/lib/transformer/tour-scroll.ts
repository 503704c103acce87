/**
 * The guided tour's scroll rule: where a jump to a widget ends, and when it is over. A position
 * measured once, before scrolling, goes stale when the layout above the widget changes during
 * the scroll: an island above may hydrate, an image or font may arrive. (Diagrams reserve their
 * exact box before they are laid out: markdown/mermaid/box.ts.) So the tour measures again on every animation frame, re-aims when
 * the widget moved, and stops once the page has stood still at the widget for a few frames.
 * This works whatever moved the widget, and it needs no knowledge of which elements are skipped.
 * Pure numbers (CSS px, document scroll offsets), no DOM: the widget feeds it what it measures.
 */

/** |a − b| up to this (CSS px) counts as equal: sub-pixel layout and rounded scroll offsets. */
export const SCROLL_TOLERANCE_PX = 1;
/** Frames in a row the page must stand still at the widget before the jump is over. */
export const STILL_FRAMES = 3;
/** A jump gives up after this many re-aims (a layout that never settles must not hold the page). */
export const MAX_REAIMS = 8;
/** …or after this many frames, whatever happens (≈ 10 s at 60 frames/s). */
export const MAX_FRAMES = 600;

/** What is measured on one frame. */
export interface ScrollMeasure {
  /** The page's scroll offset now (window.scrollY). */
  scrollY: number;
  /** The widget's top relative to the viewport's top now (getBoundingClientRect().top). */
  top: number;
  /** How far below the viewport's top the widget should end: below what covers the page there. */
  clear: number;
  /** The largest scroll offset the page allows now (scrollHeight − innerHeight). */
  max: number;
}

/** A jump under way. */
export interface Jump {
  /** The offset last asked for. */
  destination: number;
  /** The scroll offset on the previous frame, and for how many frames in a row it has not changed. */
  last: number;
  still: number;
  reaims: number;
  frames: number;
}

/** What to do on this frame: scroll to `scrollTo` (`smooth` when it continues a moving scroll), and whether the jump is over. */
export interface JumpStep {
  jump: Jump;
  scrollTo: number | null;
  smooth: boolean;
  done: boolean;
}

/**
 * Where a jump aims (its `top`, px from the viewport's top) when a step talks about one `part` of
 * the widget (the attention map's highlighted head, maybe far down its grid): the widget's own
 * top while the part then still ends inside the view below `clear` (`view` px tall), else the
 * part's top, so the head the step names is in view rather than below the fold. Never throws.
 */
export function aimTop(widgetTop: number, part: { top: number; bottom: number } | null, clear: number, view: number): number {
  if (!part || !Number.isFinite(part.top) || !Number.isFinite(part.bottom)) return widgetTop;
  return part.bottom - widgetTop <= view - clear ? widgetTop : part.top;
}

/** The scroll offset that brings the widget's top to `clear` px below the viewport's top, within [0, max]. Never throws. */
export function scrollDestination(m: ScrollMeasure): number {
  const want = m.scrollY + m.top - m.clear;
  return Number.isFinite(want) ? Math.min(Math.max(0, want), Math.max(0, m.max)) : m.scrollY;
}

/**
 * One frame of a jump. The first frame (`jump` null) aims. Later frames re-aim, smoothly, when
 * the widget moved while the page scrolled (the destination changed); when the page has stood
 * still for STILL_FRAMES frames short of the widget (a smooth scroll that aimed at a stale place
 * and stopped), it corrects once more, at once. Done when the page stands still at the
 * destination, or after MAX_REAIMS re-aims or MAX_FRAMES frames. Never throws.
 */
export function jumpFrame(jump: Jump | null, m: ScrollMeasure): JumpStep {
  const want = scrollDestination(m);
  if (!jump) return { jump: { destination: want, last: m.scrollY, still: 0, reaims: 0, frames: 1 }, scrollTo: want, smooth: true, done: false };
  const still = Math.abs(m.scrollY - jump.last) <= SCROLL_TOLERANCE_PX ? jump.still + 1 : 0;
  const next: Jump = { ...jump, last: m.scrollY, still, frames: jump.frames + 1 };
  const arrived = Math.abs(m.scrollY - want) <= SCROLL_TOLERANCE_PX;
  if (arrived && still >= STILL_FRAMES) return { jump: next, scrollTo: null, smooth: false, done: true };
  const out = next.reaims >= MAX_REAIMS || next.frames >= MAX_FRAMES;
  const moved = Math.abs(want - jump.destination) > SCROLL_TOLERANCE_PX;
  const stopped = !arrived && still >= STILL_FRAMES;
  if (out || !(moved || stopped)) return { jump: next, scrollTo: null, smooth: false, done: out };
  return { jump: { ...next, destination: want, still: 0, reaims: next.reaims + 1 }, scrollTo: want, smooth: !stopped, done: false };
}
