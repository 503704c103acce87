import { describe, expect, it } from 'vitest';
import { boxStyle, diagramBox } from '../../../../src/lib/markdown/mermaid/box';

describe('diagramBox', () => {
  it('reads the ratio from the viewBox and the cap from max-width, as Mermaid writes them', () => {
    expect(diagramBox('0 0 344 919.8', 'max-width:344.046875px')).toEqual({ ratio: { width: 344, height: 919.8 }, maxWidth: 344.046875 });
  });
  it('accepts commas and extra spaces in the viewBox, and max-width among other declarations', () => {
    expect(diagramBox(' -8, -8  100,50 ', 'color: red; max-width: 120px')).toEqual({ ratio: { width: 100, height: 50 }, maxWidth: 120 });
  });
  it('has no cap when the style sets none (the SVG fills its column)', () => {
    expect(diagramBox('0 0 100 50', undefined)?.maxWidth).toBeNull();
    expect(diagramBox('0 0 100 50', 'min-width:20px')?.maxWidth).toBeNull();
  });
  it.each([[undefined], [''], ['0 0 100'], ['0 0 100 0'], ['0 0 -5 10'], ['0 0 abc 10'], ['0 0 100 50 7'], [42]])(
    'gives no box for the viewBox %j',
    (viewBox) => {
      expect(diagramBox(viewBox, 'max-width:100px')).toBeNull();
    },
  );
});

describe('boxStyle', () => {
  it('writes the aspect ratio and the cap in px', () => {
    expect(boxStyle({ ratio: { width: 344, height: 919.8 }, maxWidth: 344.05 })).toBe('aspect-ratio: 344 / 919.8; max-width: 344.05px');
  });
  it('writes only the aspect ratio when there is no cap', () => {
    expect(boxStyle({ ratio: { width: 4, height: 3 }, maxWidth: null })).toBe('aspect-ratio: 4 / 3');
  });
});
