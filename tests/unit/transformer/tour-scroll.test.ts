/** The guided tour's scroll rule (lib/transformer/tour-scroll.ts), on a simulated page that scrolls smoothly. */
import { describe, expect, it } from 'vitest';
import { aimTop, jumpFrame, MAX_FRAMES, MAX_REAIMS, scrollDestination, type Jump, type ScrollMeasure } from '../../../src/lib/transformer/tour-scroll';

const VIEW = 700;
const CLEAR = 120;

/**
 * A page with a widget at `widgetTop` (document px) below a figure that reserves 640 px until
 * the view comes within `margin` px of it, then takes `real` px (content-visibility: auto). A
 * smooth scroll covers a quarter of the way per frame, at least 1 px; `stopAfter` frames of
 * smooth scrolling end it where it is (interrupted).
 */
function page(opts: { real?: number; drift?: number; stopAfter?: number } = {}) {
  const figureTop = 1500;
  let figure = 640;
  let scrollY = 0;
  let destination = 0;
  let smoothFrames = 0;
  let drift = 0;
  const widgetTop = () => 3000 + (figure - 640) + drift;
  return {
    measure: (): ScrollMeasure => ({ scrollY, top: widgetTop() - scrollY, clear: CLEAR, max: 20_000 - VIEW }),
    scrollTo(top: number, smooth: boolean) {
      destination = top;
      if (!smooth) scrollY = top;
    },
    /** One animation frame: the scroll moves, then the figure is laid out if the view is near it. */
    frame() {
      if (scrollY !== destination && (opts.stopAfter === undefined || smoothFrames++ < opts.stopAfter)) {
        const step = (destination - scrollY) / 4;
        scrollY = Math.abs(step) < 1 ? destination : scrollY + step;
      } else if (opts.stopAfter !== undefined) destination = scrollY;
      if (scrollY + VIEW + 500 > figureTop && scrollY < figureTop + figure) figure = opts.real ?? 640;
      if (opts.drift) drift += opts.drift;
    },
    widgetTopInView: () => widgetTop() - scrollY,
  };
}

/** Runs a jump to its end; returns the frames it took, how many of its scrolls were instant, and the last state. */
function run(p: ReturnType<typeof page>): { frames: number; instant: number; jump: Jump } {
  let jump: Jump | null = null;
  let instant = 0;
  for (let frames = 1; frames <= MAX_FRAMES + 1; frames++) {
    const step = jumpFrame(jump, p.measure());
    jump = step.jump;
    if (step.scrollTo !== null) p.scrollTo(step.scrollTo, step.smooth);
    if (step.scrollTo !== null && !step.smooth) instant++;
    if (step.done) return { frames, instant, jump };
    p.frame();
  }
  throw new Error('the jump never ended');
}

describe('the tour’s jump', () => {
  it('re-aims when a figure above the widget is laid out taller during the scroll, and ends with the widget at its place', () => {
    const p = page({ real: 990 });
    const { jump, instant } = run(p);
    expect(jump.reaims).toBeGreaterThanOrEqual(1);
    expect(instant).toBe(0); // re-aimed while still scrolling: no jolt at the end
    expect(Math.abs(p.widgetTopInView() - CLEAR)).toBeLessThanOrEqual(1); // measured once it would be 350 px low
  });

  it('re-aims as well when the figure turns out shorter than its placeholder', () => {
    const p = page({ real: 300 });
    run(p);
    expect(Math.abs(p.widgetTopInView() - CLEAR)).toBeLessThanOrEqual(1);
  });

  it('aims once and ends once the page stands still at the widget when nothing moves', () => {
    const p = page();
    const { jump } = run(p);
    expect(jump.reaims).toBe(0);
    expect(Math.abs(p.widgetTopInView() - CLEAR)).toBeLessThanOrEqual(1);
  });

  it('corrects at once a smooth scroll that stopped short of the widget', () => {
    const p = page({ stopAfter: 3 });
    const { jump, instant } = run(p);
    expect(jump.reaims).toBe(1);
    expect(instant).toBe(1);
    expect(Math.abs(p.widgetTopInView() - CLEAR)).toBeLessThanOrEqual(1);
  });

  it('gives up after a bounded number of re-aims when the layout never settles', () => {
    const { jump, frames } = run(page({ drift: 30 }));
    expect(jump.reaims).toBe(MAX_REAIMS);
    expect(frames).toBeLessThan(MAX_FRAMES);
  });
});

describe('scrollDestination', () => {
  it('puts the widget `clear` px below the view’s top, within the page’s scroll range', () => {
    expect(scrollDestination({ scrollY: 100, top: 500, clear: 120, max: 5000 })).toBe(480);
    expect(scrollDestination({ scrollY: 0, top: 50, clear: 120, max: 5000 })).toBe(0);
    expect(scrollDestination({ scrollY: 4900, top: 600, clear: 0, max: 5000 })).toBe(5000);
  });

  it('stays put on a measure that is not a number', () => {
    expect(scrollDestination({ scrollY: 300, top: Number.NaN, clear: 0, max: 5000 })).toBe(300);
  });
});

describe('aimTop', () => {
  it('aims at the widget while the part it talks about then fits in the view', () => {
    expect(aimTop(500, { top: 900, bottom: 1100 }, 100, 900)).toBe(500);
  });
  it('aims at the part when it would end below the view', () => {
    expect(aimTop(500, { top: 1200, bottom: 1400 }, 100, 900)).toBe(1200);
  });
  it('aims at the widget when there is no part, or its box is not a number', () => {
    expect(aimTop(500, null, 100, 900)).toBe(500);
    expect(aimTop(500, { top: NaN, bottom: 1400 }, 100, 900)).toBe(500);
  });
});
