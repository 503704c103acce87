import { describe, expect, it } from 'vitest';
import { TANG_GPT } from '../../../src/lib/transformer/config';
import { focusKeys } from '../../../src/lib/transformer/focus-link';
import { decodeGptSettings } from '../../../src/lib/transformer/generate-settings';
import { readHandLink } from '../../../src/lib/transformer/hand-input';
import { decodeMapSettings } from '../../../src/lib/transformer/map-settings';
import { decodeGtrain } from '../../../src/lib/transformer/train-settings';
import { TOUR_STEPS } from '../../../src/lib/transformer/tour';

describe("the tour's Focus as link keys", () => {
  it.each(TOUR_STEPS.map((s, i) => [i + 1, s.focus] as const))('step %i: the widget reads back what the step asks for, with no problem', (_, f) => {
    const out = focusKeys(f);
    expect(out).not.toBeNull();
    const keys = out!.keys;
    for (const k of keys.keys()) expect(k.startsWith(`${out!.prefix}.`)).toBe(true);
    if (f.widget === 'stepper') {
      const { settings, problems } = readHandLink(keys, TANG_GPT);
      expect(problems).toEqual([]);
      expect(settings).toMatchObject({ text: f.text, step: f.step, layer: f.layer, head: f.head });
    } else if (f.widget === 'map') {
      const { settings, problems } = decodeMapSettings(keys);
      expect(problems).toEqual([]);
      expect(settings).toMatchObject({ text: f.text, pos: f.position, layer: f.layer, head: f.head });
    } else if (f.widget === 'train') {
      const { settings, problems } = decodeGtrain(keys);
      expect(problems).toEqual([]);
      expect(settings.compare).toBe(f.compare);
    } else {
      const { settings, problems } = decodeGptSettings(keys);
      expect(problems).toEqual([]);
      expect(settings).toMatchObject({ prompt: f.prompt, compare: f.compare });
    }
  });

  it('sets only the fields the Focus names', () => {
    expect([...focusKeys({ widget: 'stepper', step: 4 })!.keys]).toEqual([['att.step', '4']]);
    expect([...focusKeys({ widget: 'generate', compare: false })!.keys]).toEqual([['gpt.cmp', '0']]);
    expect(focusKeys({ widget: 'train' })).toBeNull();
  });

  it('the training step turns on training the LSTM beside the Transformer, so the curves it promises side by side are drawn', () => {
    const step = TOUR_STEPS.find((s) => s.focus.widget === 'train')!;
    expect(step.text).toContain('LSTM');
    expect([...focusKeys(step.focus)!.keys]).toEqual([['gtrain.cmp', '1']]);
  });
});
