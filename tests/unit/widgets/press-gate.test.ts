/**
 * A field's message waits while a pointer is pressed (shared/press-gate.ts), so the button being
 * pressed does not move between mousedown and mouseup; `later` is driven by hand here.
 */
import { describe, expect, it } from 'vitest';
import { PressGate } from '../../../src/widgets/shared/press-gate';

function gate() {
  const tasks: (() => void)[] = [];
  return { g: new PressGate((f) => tasks.push(f)), flush: () => tasks.splice(0).forEach((f) => f()) };
}

describe('PressGate', () => {
  it('applies a change at once when no pointer is pressed', () => {
    const { g } = gate();
    let shown = '';
    g.run({}, () => (shown = '错误'));
    expect(shown).toBe('错误');
  });

  it('holds a change made while a pointer is pressed until after its release', () => {
    const { g, flush } = gate();
    const key = {};
    let shown = '';
    g.down();
    g.run(key, () => (shown = '输入最多 8 个字'));
    expect(shown).toBe('');
    g.up();
    expect(shown).toBe(''); // the click is handled first
    flush();
    expect(shown).toBe('输入最多 8 个字');
  });

  it('applies only the latest change per key, once', () => {
    const { g, flush } = gate();
    const key = {};
    const seen: string[] = [];
    g.down();
    g.run(key, () => seen.push('a'));
    g.run(key, () => seen.push('b'));
    g.up();
    flush();
    flush();
    expect(seen).toEqual(['b']);
  });

  it('a change made after the press, before the flush, is applied at once and not overwritten', () => {
    const { g, flush } = gate();
    const key = {};
    let shown = '';
    g.down();
    g.run(key, () => (shown = 'old'));
    g.up();
    g.run(key, () => (shown = 'new'));
    flush();
    expect(shown).toBe('new');
  });
});
