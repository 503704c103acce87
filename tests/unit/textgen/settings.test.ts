import { describe, expect, it } from 'vitest';
import { decodeSettings, DEFAULT_SETTINGS, encodeSettings } from '../../../src/lib/textgen/settings';

describe('text lab link', () => {
  it('round-trips corpus, prompt and numbers, emoji included', () => {
    const settings = { corpus: 'book' as const, prompt: '春😀', numbers: { ...DEFAULT_SETTINGS.numbers, t: 0, seed: 9 } };
    expect(decodeSettings(new URLSearchParams(encodeSettings(settings).toString()))).toEqual({ settings, problems: [] });
  });

  it('explains a bad corpus, temperature or prompt and keeps the defaults', () => {
    const { settings, problems } = decodeSettings(new URLSearchParams('tg.corpus=%3Cscript%3E&tg.t=5&tg.prompt=' + '字'.repeat(150)));
    expect(settings.corpus).toBe('poetry');
    expect(settings.numbers.t).toBe(DEFAULT_SETTINGS.numbers.t);
    expect([...settings.prompt]).toHaveLength(100);
    expect(problems).toHaveLength(3);
  });
});
