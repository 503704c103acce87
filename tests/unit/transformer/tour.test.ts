import { describe, expect, it } from 'vitest';
import { TANG_GPT } from '../../../src/lib/transformer/config';
import { FOCUS_WIDGETS } from '../../../src/lib/transformer/focus';
import { MAP_DEFAULTS } from '../../../src/lib/transformer/map-settings';
import { focusProblem, TOUR_STEPS, tourStepFrom } from '../../../src/lib/transformer/tour';

describe('the guided tour', () => {
  it('has about eight steps, each with text', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(6);
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(10);
    for (const s of TOUR_STEPS) expect(s.text.length).toBeGreaterThan(20);
  });

  it.each(TOUR_STEPS.map((s, i) => [i + 1, s] as const))('step %i sends a Focus valid for its widget', (_, s) => {
    expect(FOCUS_WIDGETS).toContain(s.focus.widget);
    expect(focusProblem(s.focus, TANG_GPT)).toBeNull();
  });

  it('starts where the attention map starts, so a reader who never clicks sees step 1', () => {
    expect(TOUR_STEPS[0].focus).toEqual({
      widget: 'map',
      text: MAP_DEFAULTS.text,
      position: MAP_DEFAULTS.pos,
      layer: MAP_DEFAULTS.layer,
      head: MAP_DEFAULTS.head,
    });
  });

  it('finds Focuses that do not fit their widget', () => {
    expect(focusProblem({ widget: 'map', text: '床前', position: 2 })).not.toBeNull();
    expect(focusProblem({ widget: 'map', head: TANG_GPT.heads })).not.toBeNull();
    expect(focusProblem({ widget: 'map', text: '😀' })).toBeNull();
    expect(focusProblem({ widget: 'map', text: '' })).not.toBeNull();
    expect(focusProblem({ widget: 'stepper', text: '一二三四五六七八九' })).not.toBeNull();
    expect(focusProblem({ widget: 'stepper', step: 11 })).not.toBeNull();
    expect(focusProblem({ widget: 'generate', prompt: '' })).not.toBeNull();
  });

  it('reads tour.step from a link, 1-based, and refuses anything else', () => {
    expect(tourStepFrom(new URLSearchParams('tour.step=3'))).toEqual({ step: 2, problem: '' });
    expect(tourStepFrom(new URLSearchParams(''))).toEqual({ step: 0, problem: '' });
    for (const bad of ['0', '99', 'x', '1e1', '-1']) expect(tourStepFrom(new URLSearchParams(`tour.step=${bad}`)).problem).not.toBe('');
  });

  it('names NaN and Infinity in a link in words, never echoing them', () => {
    for (const bad of ['NaN', 'Infinity', '-inf']) {
      const { problem } = tourStepFrom(new URLSearchParams(`tour.step=${bad}`));
      expect(problem).toContain('“非数”或无穷大');
      expect(problem).not.toMatch(/nan|inf/i);
    }
  });
});
