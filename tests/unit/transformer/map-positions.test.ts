import { describe, expect, it } from 'vitest';
import { positionLabels } from '../../../src/lib/transformer/map-positions';

describe('positionLabels', () => {
  it('gives a plain character, a space and a line break one position each, named by what is shown', () => {
    expect(positionLabels(['床', ' ', '\n'])).toEqual([
      { shown: '床', name: '“床”', part: false },
      { shown: '␣', name: '“␣”', part: false },
      { shown: '↵', name: '“↵”', part: false },
    ]);
  });
  it('names each regional indicator of a flag as a part of the whole flag', () => {
    expect(positionLabels([...'明🇨🇳'])).toEqual([
      { shown: '明', name: '“明”', part: false },
      { shown: '🇨', name: '：“🇨🇳”的第 1 个码位（U+1F1E8）', part: true },
      { shown: '🇳', name: '：“🇨🇳”的第 2 个码位（U+1F1F3）', part: true },
    ]);
  });
  it('draws a combining accent on a dotted circle, as the second part of its letter', () => {
    expect(positionLabels([...'e\u0301'])).toEqual([
      { shown: 'e', name: '：“e\u0301”的第 1 个码位（U+0065）', part: true },
      { shown: '\u25CC\u0301', name: '：“e\u0301”的第 2 个码位（U+0301）', part: true },
    ]);
  });
  it('has exactly one label per position, whatever the text', () => {
    for (const text of ['床前明月光', '🇨🇳🇯🇵a\u0301\u0302', '👨👩👧', '']) expect(positionLabels([...text])).toHaveLength([...text].length);
  });
  it('names the parts of a joined emoji by where they stand in the whole the reader wrote, so the dropped joiners show as gaps', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(positionLabels([...'春👨👩👧'], `春${family}`)).toEqual([
      { shown: '春', name: '“春”', part: false },
      { shown: '👨', name: `：“${family}”的第 1 个码位（U+1F468）`, part: true },
      { shown: '👩', name: `：“${family}”的第 3 个码位（U+1F469）`, part: true },
      { shown: '👧', name: `：“${family}”的第 5 个码位（U+1F467）`, part: true },
    ]);
  });
  it('labels the last positions of a longer text (cut to the context), and falls back to the positions alone when the text is not theirs', () => {
    expect(positionLabels(['光'], '床前明月光').map((l) => l.name)).toEqual(['“光”']);
    expect(positionLabels(['👩'], '👨\u200D👩').map((l) => l.name)).toEqual(['：“👨\u200D👩”的第 3 个码位（U+1F469）']);
    expect(positionLabels(['床'], '别的字').map((l) => l.name)).toEqual(['“床”']);
  });
});
