import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromChars } from '../../../src/lib/textgen/vocab';
import { checkGptText } from '../../../src/lib/transformer/train-settings';
import { clampIndex, handTextProblem, isEmoji, parseHandText, readHandLink, staleStepsNote } from '../../../src/lib/transformer/hand-input';

const VOCAB = ['<unk>', '。', '床', '前', '明', '月', '光', '\n'];
const LIMITS = { layers: 2, heads: 4 };
const link = (s: string) => readHandLink(new URLSearchParams(s), LIMITS);

describe('the stepper input', () => {
  it('gives the ids of known characters', () => {
    expect(parseHandText('床前明月光', VOCAB)).toEqual({ ok: true, value: { chars: ['床', '前', '明', '月', '光'], ids: [2, 3, 4, 5, 6] } });
  });

  it('refuses empty text and more than 8 characters, saying the limit', () => {
    expect(parseHandText('', VOCAB)).toMatchObject({ ok: false, message: expect.stringContaining('1–8') });
    expect(parseHandText('床前明月光床前明月', VOCAB)).toMatchObject({ ok: false, message: expect.stringContaining('最多 8 个字') });
  });

  it('names the characters the vocabulary lacks, once each', () => {
    const r = parseHandText('床猫猫', VOCAB);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('“猫”') });
    expect(r.ok || r.message.match(/猫/g)?.length).toBe(1);
  });

  it('names a letter with a combining accent whole, in the sentence the other widgets use', () => {
    expect(parseHandText('床e\u0301', VOCAB)).toEqual({
      ok: false,
      message: `输入里的 “e\u0301” 不在模型的字符表中（字符表是 ${VOCAB.length - 1} 个唐诗常用字），只会被当作 <unk>（未知字符）：请换成别的字。`,
    });
  });

  it('refuses emoji, control characters and broken characters without quoting U+FFFD or half a pair', () => {
    expect(handTextProblem('床😀')).toContain('表情符号');
    expect(handTextProblem('床\n前')).toContain('U+000A');
    for (const broken of ['床\uD83D', '床\uFFFD']) {
      const message = handTextProblem(broken)!;
      expect(message).toContain('无法识别');
      expect(message).not.toMatch(/[\uFFFD\uD800-\uDFFF]/);
    }
  });

  it.each(['😀', '👍🏽', '🏽', '🇨🇳', '👨\u200D👩\u200D👧'])('calls %s an emoji, by its Unicode properties', (emoji) => {
    expect(isEmoji([...emoji][0])).toBe(true);
    expect(handTextProblem(`床${emoji}`)).toContain('表情符号');
  });

  it.each([
    ['𠀀', 'U+20000, CJK Extension B'],
    ['鿿', 'U+9FFF, the last CJK Unified Ideograph'],
  ])('calls %s (%s) a character the vocabulary lacks, not an emoji', (ch) => {
    expect(isEmoji(ch)).toBe(false);
    expect(handTextProblem(`床${ch}`)).toBeNull();
    const r = parseHandText(`床${ch}`, VOCAB);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining(`“${ch}” 不在模型的字符表`) });
    expect(r.ok || r.message).not.toContain('表情');
  });

  it('shows an invisible character as its code point, never invisibly', () => {
    for (const [text, code] of [
      ['床\u200B前', 'U+200B'],
      ['床\u2060', 'U+2060'],
      ['床\u3000', 'U+3000'],
      ['床\uE000', 'U+E000'],
    ]) {
      const r = parseHandText(text, VOCAB);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain(code);
        expect(r.message).not.toMatch(/[\u200B\u2060\u3000\uE000]/);
      }
    }
  });

  it('names 输入 in every message, so a link problem needs no second prefix', () => {
    for (const text of ['', '床前明月光床前明月', '床😀', '床\n', '床\uFFFD', '床\u200B']) expect(handTextProblem(text)).toMatch(/^输入/);
    expect(parseHandText('床猫', VOCAB)).toMatchObject({ message: expect.stringMatching(/^输入/) });
  });

  it('never throws on any string', () => {
    for (const s of ['\u0000', '\uDC00\uD800', 'a'.repeat(10_000), '<unk>']) expect(() => parseHandText(s, VOCAB)).not.toThrow();
  });
});

describe('the stepper link', () => {
  it('reads text, step, layer and head', () => {
    expect(link('att.text=明月&att.step=5&att.layer=1&att.head=3')).toEqual({ settings: { text: '明月', step: 5, layer: 1, head: 3 }, problems: [] });
  });

  it('keeps the defaults for values out of range or malformed, and explains each', () => {
    const { settings, problems } = link('att.step=11&att.layer=2&att.head=-1&att.text=');
    expect(settings).toEqual({ text: '床前明月光', step: 0, layer: 0, head: 0 });
    expect(problems).toHaveLength(4);
  });

  it('names a refused layer or head as the page counts them, from 1, beside the link’s 0-based value', () => {
    expect(link('att.layer=2&att.head=4').problems.map((p) => p.text)).toEqual([
      '层（链接里的 att.layer，0 是第 1 层）必须在 0 到 1 之间，收到 2。',
      '头（链接里的 att.head，0 是第 1 个头）必须在 0 到 3 之间，收到 4。',
    ]);
  });

  it('names a refused step as the page numbers it', () => {
    expect(link('att.step=11').problems.map((p) => p.text)).toEqual(['步骤必须在 0 到 10 之间，收到 11。']);
  });

  it('explains a refused text once, without its own “链接” prefix (the widget adds the one prefix)', () => {
    const { settings, problems } = link('att.text=%F0%9F%98%80');
    expect(settings.text).toBe('床前明月光');
    expect(problems.map((p) => p.text)).toEqual([handTextProblem('😀')]);
    expect(problems[0].text).not.toContain('链接');
  });

  it('clamps the tour’s indices', () => {
    expect([clampIndex(7, 3), clampIndex(-2, 3), clampIndex(NaN, 3), clampIndex('2', 3), clampIndex(1.6, 3)]).toEqual([3, 0, 0, 0, 2]);
  });
});

describe('the note under a refused input', () => {
  it('names the text whose steps are still shown', () => {
    expect(staleStepsNote('床前明月光')).toBe('下面仍是“床前明月光”的计算。');
  });
});

describe('an emoji in the input', () => {
  it.each(['🇨🇳', '👨‍👩‍👧'])('is quoted whole: %s', (emoji) => {
    expect(handTextProblem(`床${emoji}`)).toContain(`“${emoji}”`);
  });
});

describe('the stepper’s vocabulary size, on the shipped checkpoint', () => {
  it('names 2999 characters, as the training lab does: the 3,000 ids less <unk>', () => {
    const vocab = JSON.parse(readFileSync('public/models/transformer/meta.json', 'utf8')).vocab as string[];
    const r = parseHandText('床é', vocab);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('（字符表是 2999 个唐诗常用字）') });
    const trainLab = checkGptText('é'.repeat(200), fromChars(vocab), 8);
    expect(trainLab).toMatchObject({ ok: false, message: expect.stringContaining('字符表是 2999 个唐诗常用字') });
  });
});
