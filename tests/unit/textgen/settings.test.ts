import { describe, expect, it } from 'vitest';
import { decodeSettings, DEFAULT_SETTINGS, encodeSettings, MAX_PROMPT, parsePrompt, TEXTGEN_FIELDS } from '../../../src/lib/textgen/settings';
import { unknownKeyProblem } from '../../../src/lib/url/link-problem';

describe('text lab link', () => {
  it('round-trips corpus, prompt and numbers, emoji included', () => {
    const settings = { corpus: 'book' as const, prompt: '春😀', numbers: { ...DEFAULT_SETTINGS.numbers, t: 0, seed: 9 } };
    expect(decodeSettings(new URLSearchParams(encodeSettings(settings).toString()))).toEqual({ settings, problems: [] });
  });

  it('explains a bad corpus, temperature or prompt and keeps the defaults', () => {
    const { settings, problems } = decodeSettings(new URLSearchParams('tg.corpus=%3Cscript%3E&tg.t=5&tg.prompt=' + '字'.repeat(150)));
    expect(settings.corpus).toBe('poetry');
    expect(settings.numbers.t).toBe(DEFAULT_SETTINGS.numbers.t);
    expect(settings.prompt).toBe(DEFAULT_SETTINGS.prompt);
    expect(problems).toHaveLength(3);
  });

  it('takes a prompt of up to MAX_PROMPT characters, emoji counted once, and refuses one more', () => {
    expect(parsePrompt('😀'.repeat(MAX_PROMPT))).toEqual({ ok: true, value: '😀'.repeat(MAX_PROMPT) });
    expect(parsePrompt('')).toEqual({ ok: true, value: '' });
    expect(parsePrompt('字'.repeat(MAX_PROMPT + 1)).ok).toBe(false);
  });

  it.each([
    ['corpus', 'mine', true],
    ['corpus', 'toString', false],
    ['corpus', '__proto__', false],
    ['t', '2', true],
    ['t', '2.01', false],
    ['len', '2000', true],
    ['len', '1.5', false],
    ['topk', '-1', false],
    ['batch', '512', true],
    ['batch', '513', false],
    ['seed', '4294967295', true],
    ['seed', '4294967296', false],
  ] as const)('%s = “%s” → %s, in a link as in the field', (key, text, ok) => {
    expect(TEXTGEN_FIELDS[key](text).ok).toBe(ok);
    const { problems } = decodeSettings(new URLSearchParams(`tg.${key}=${encodeURIComponent(text)}`));
    expect(problems).toHaveLength(ok ? 0 : 1);
  });

  it('ignores and reports names that are not its own', () => {
    const { settings, problems } = decodeSettings(new URLSearchParams('tg.__proto__=x&tg.constructor=1&tg.t=0.5'));
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, numbers: { ...DEFAULT_SETTINGS.numbers, t: 0.5 } });
    expect(problems).toEqual([unknownKeyProblem('tg.__proto__'), unknownKeyProblem('tg.constructor')]);
  });
});
