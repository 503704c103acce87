import { describe, expect, it } from 'vitest';
import { focusPart } from '../../../src/lib/transformer/focus';

describe('focusPart', () => {
  it('names the attention map’s head a step highlights, 0-based, as the map marks it', () => {
    expect(focusPart({ widget: 'map', position: 11, layer: 1, head: 0 })).toBe('1-0');
  });
  it('names nothing when the step is about a whole widget, or gives no head', () => {
    expect(focusPart({ widget: 'map', position: 3 })).toBeNull();
    expect(focusPart({ widget: 'stepper', step: 3, layer: 0, head: 0 })).toBeNull();
    expect(focusPart({ widget: 'train' })).toBeNull();
  });
});
