/**
 * A field's message waits while a pointer is pressed (shared/press-gate.ts), so the button being
 * pressed does not move before its click; `later` and the fallback timer are driven by hand here.
 */
import { describe, expect, it } from 'vitest';
import { FALLBACK_MS, PressGate, type Press } from '../../../src/widgets/shared/press-gate';

function gate() {
  const tasks: (() => void)[] = [];
  const timers: { f: () => void; ms: number; cancelled: boolean }[] = [];
  const g = new PressGate(
    (f) => tasks.push(f),
    (f, ms) => {
      const t = { f, ms, cancelled: false };
      timers.push(t);
      return () => (t.cancelled = true);
    },
  );
  const flush = () => tasks.splice(0).forEach((f) => f());
  /** Fires the timers still pending, as if their time had passed. */
  const elapse = () => timers.splice(0).forEach((t) => t.cancelled || t.f());
  return { g, flush, elapse, timers };
}

const mouse: Press = { pointerId: 1, pointerType: 'mouse', button: 0 };
const rightMouse: Press = { pointerId: 1, pointerType: 'mouse', button: 2 };
const finger = (pointerId = 2): Press => ({ pointerId, pointerType: 'touch', button: 0 });

/** Queues a change while the gate is in whatever state the test put it in; returns a reader. */
function change(g: PressGate, text = '错误') {
  let shown = '';
  g.run({}, () => (shown = text));
  return () => shown;
}

describe('PressGate', () => {
  it('applies a change at once when no pointer is pressed', () => {
    const { g } = gate();
    expect(change(g)()).toBe('错误');
  });

  it('holds a change made while the mouse is pressed until after its release', () => {
    const { g, flush } = gate();
    g.down(mouse);
    const shown = change(g, '输入最多 8 个字');
    expect(shown()).toBe('');
    g.up(mouse);
    expect(shown()).toBe(''); // the click is handled first
    flush();
    expect(shown()).toBe('输入最多 8 个字');
  });

  it('applies only the latest change per key, once', () => {
    const { g, flush } = gate();
    const key = {};
    const seen: string[] = [];
    g.down(mouse);
    g.run(key, () => seen.push('a'));
    g.run(key, () => seen.push('b'));
    g.up(mouse);
    flush();
    flush();
    expect(seen).toEqual(['b']);
  });

  it('a change made after the press, before the flush, is applied at once and not overwritten', () => {
    const { g, flush } = gate();
    const key = {};
    let shown = '';
    g.down(mouse);
    g.run(key, () => (shown = 'old'));
    g.up(mouse);
    g.run(key, () => (shown = 'new'));
    flush();
    expect(shown).toBe('new');
  });

  it('a lifted finger keeps the gate closed until the tap’s click', () => {
    const { g, flush } = gate();
    g.down(finger());
    g.up(finger());
    const shown = change(g); // the tap's mousedown moved focus: the field's change
    flush();
    expect(shown()).toBe('');
    g.clicked();
    expect(shown()).toBe(''); // the click's own handlers run first
    flush();
    expect(shown()).toBe('错误');
  });

  it('a lifted finger with no click after it opens the gate after the fallback time', () => {
    const { g, flush, elapse, timers } = gate();
    g.down(finger());
    g.up(finger());
    const shown = change(g);
    expect(timers.map((t) => t.ms)).toEqual([FALLBACK_MS]);
    flush();
    expect(shown()).toBe('');
    elapse();
    flush();
    expect(shown()).toBe('错误');
  });

  it('the tap’s click cancels the fallback timer', () => {
    const { g, flush, timers } = gate();
    g.down(finger());
    g.up(finger());
    g.clicked();
    flush();
    expect(timers.map((t) => t.cancelled)).toEqual([true]);
  });

  it('a cancelled touch (the page scrolled) opens the gate', () => {
    const { g, flush } = gate();
    g.down(finger());
    const shown = change(g);
    g.cancel(finger());
    flush();
    expect(shown()).toBe('错误');
  });

  it('a right-click does not close the gate', () => {
    const { g } = gate();
    g.down(rightMouse); // its mouseup may never come: the context menu takes it
    expect(change(g)()).toBe('错误');
  });

  it('a context menu opens the gate, even without a pointerup', () => {
    const { g, flush } = gate();
    g.down(mouse); // e.g. Ctrl+click on macOS
    const shown = change(g);
    g.reset();
    flush();
    expect(shown()).toBe('错误');
  });

  it('with two fingers down, lifting the first keeps the gate closed', () => {
    const { g, flush } = gate();
    g.down(finger(2));
    g.down(finger(3));
    g.up(finger(2));
    g.clicked();
    const shown = change(g);
    flush();
    expect(shown()).toBe('');
    g.up(finger(3));
    g.clicked();
    flush();
    expect(shown()).toBe('错误');
  });
});
