/**
 * The tour's jump to a widget, in the page: scrolls until the widget's top rests just below what
 * covers the top of the view (the sticky tour panel on wide screens, the fixed header and the
 * mobile contents bar on phones), measuring again on every frame (lib/transformer/tour-scroll.ts:
 * a figure laid out late above the widget would otherwise leave it hundreds of px low). Where the
 * panel does not stick it scrolls away, so focus moves to the widget's heading, where the eye is.
 */
import { aimTop, jumpFrame, type Jump } from '../../lib/transformer/tour-scroll';

/** Reader input that ends a jump: the reader scrolls or acts, the tour stops steering. */
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

let cancelRunning: (() => void) | undefined;

/** How far below the viewport's top the widget must end: below the sticky `panel`, else below the page's scroll padding. */
function clearance(panel: HTMLElement | undefined, sticky: boolean): number {
  if (panel && sticky) return (parseFloat(getComputedStyle(panel).top) || 0) + panel.offsetHeight + 8;
  return parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
}

/** The heading `el` is, or the first one inside it, made focusable from script (tabindex −1) when it is not already. */
function headingOf(el: HTMLElement): HTMLElement {
  const heading = el.matches('h1, h2, h3, h4') ? el : (el.querySelector<HTMLElement>('h2, h3, h4') ?? el);
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading;
}

/**
 * Brings `el` into view below the tour's `panel` (a new jump replaces one under way) and, where
 * the panel does not stick, focuses `el`'s heading without scrolling. Starts on the next frame.
 * `part` names what the step talks about inside `el` (its `data-focus-part`, lib focusPart: the
 * map's head): when it would end below the view, the jump aims at it instead (aimTop).
 */
export function jumpTo(el: HTMLElement, panel: HTMLElement | undefined, part: string | null = null): void {
  cancelRunning?.();
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  let jump: Jump | null = null;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of READER_INPUT) removeEventListener(type, stop);
    if (cancelRunning === stop) cancelRunning = undefined;
  };
  const step = () => {
    const sticky = !!panel && getComputedStyle(panel).position === 'sticky';
    if (!jump && !sticky) headingOf(el).focus({ preventScroll: true });
    const clear = clearance(panel, sticky);
    const partBox = part === null ? null : (el.querySelector(`[data-focus-part="${CSS.escape(part)}"]`)?.getBoundingClientRect() ?? null);
    const measure = {
      scrollY: window.scrollY,
      top: aimTop(el.getBoundingClientRect().top, partBox, clear, window.innerHeight),
      clear,
      max: document.documentElement.scrollHeight - window.innerHeight,
    };
    const next = jumpFrame(jump, measure);
    jump = next.jump;
    if (next.scrollTo !== null) window.scrollTo({ top: next.scrollTo, behavior: next.smooth && !reduced ? 'smooth' : 'auto' });
    if (next.done) stop();
    else frame = requestAnimationFrame(step);
  };
  cancelRunning = stop;
  // Listeners only after this frame: the key or tap that asked for the jump must not end it.
  frame = requestAnimationFrame(() => {
    for (const type of READER_INPUT) addEventListener(type, stop, { passive: true });
    step();
  });
}
