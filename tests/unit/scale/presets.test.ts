import { expect, test } from 'vitest';
import { PRESETS, presetById } from '../../../src/lib/scale/presets';

test('the §4.1 network is the explorer’s 2-2-1 network: 9 weights', () => {
  expect(presetById('nn41')?.params).toBe(9);
});
test('the §5.2 LSTM preset has the 677,816 weights the §5.3 erratum quotes', () => {
  expect(presetById('lstm52')?.params).toBe(677_816);
});
test('GPT-3 was trained on 300 B tokens', () => {
  expect(presetById('gpt3')?.tokens).toBe(300e9);
});
test('presets are listed smallest first, with unique ids and a source each', () => {
  const counts = PRESETS.map((p) => p.params);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  for (const p of PRESETS) expect(p.source.length).toBeGreaterThan(10);
});
test('an unknown or inherited id finds no preset', () => {
  expect(presetById('gpt4')).toBeUndefined();
  expect(presetById('constructor')).toBeUndefined();
});
