import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/lib/nn/validate';
import { labelledChoice, nameChar, notAnOption, quoteInput, unknownGraphemes, unknownNotice } from '../../../src/lib/parse/fields';

describe('notAnOption and labelledChoice', () => {
  const labels = { ckpt: '预训练检查点', mine: '我训练的模型' };
  it('lists the options by the labels the reader sees, not by their link ids', () => {
    expect(labelledChoice(labels, '模型来源')('bert')).toEqual({ ok: false, message: '未知的模型来源“bert”，可选：预训练检查点、我训练的模型。' });
  });
  it('accepts an own key and refuses inherited names', () => {
    expect(labelledChoice(labels, '模型来源')('mine')).toEqual({ ok: true, value: 'mine' });
    expect(labelledChoice(labels, '模型来源')('toString').ok).toBe(false);
  });
  it('accepts each label it offers, as that option (own keys only)', () => {
    expect(labelledChoice(labels, '模型来源')('预训练检查点')).toEqual({ ok: true, value: 'ckpt' });
    expect(labelledChoice(labels, '模型来源')('我训练的模型')).toEqual({ ok: true, value: 'mine' });
    const inherited = Object.create({ evil: '坏' }) as Record<string, string>;
    inherited.ok = '好';
    expect(labelledChoice(inherited, '模型')('坏').ok).toBe(false);
  });
  it.each([
    ['interpret', 'WHY_FIELDS', 'src', '../../../src/lib/interpret/settings', 'SOURCE_LABELS'],
    ['compress', 'COMPRESS_FIELDS', 'model', '../../../src/lib/compress/settings', 'MODEL_LABELS'],
    ['scale', 'SCALE_FIELDS', 'm', '../../../src/lib/scale/settings', 'MODEL_LABELS'],
  ])('the %s link accepts every name its refusal lists', async (_, fields, key, path, labelsName) => {
    const mod = (await import(path)) as Record<string, unknown>;
    const parse = (mod[fields] as Record<string, (raw: string) => { ok: boolean; value?: unknown }>)[key];
    const shown = mod[labelsName] as Record<string, string>;
    for (const [id, label] of Object.entries(shown)) expect(parse(label)).toEqual({ ok: true, value: id });
  });
  it('says an empty value is empty rather than quoting nothing', () => {
    expect(notAnOption('语料', '', ['唐诗', '本书'])).toBe('语料是空的，可选：唐诗、本书。');
    expect(notAnOption('语料', ' \u3000', ['唐诗', '本书'])).toBe('语料是空的，可选：唐诗、本书。');
    expect(labelledChoice(labels, '模型来源')('')).toEqual({ ok: false, message: '模型来源是空的，可选：预训练检查点、我训练的模型。' });
  });
  it('quotes what it received visibly', () => {
    expect(notAnOption('模型', '\u200B', ['甲'])).toBe('未知的模型“U+200B”，可选：甲。');
  });
});

describe('quoteInput', () => {
  it('names a malformed %-sequence’s replacement character by its code point, as the other messages do', () => {
    // URLSearchParams decodes `batch=%E0` to U+FFFD.
    const value = new URLSearchParams('batch=%E0').get('batch') ?? '';
    expect(quoteInput(value)).toBe('U+FFFD');
    expect(quoteInput('a\uD800b')).toBe('aU+D800b');
  });
  it('writes control characters and line breaks as their code points', () => {
    expect(quoteInput('a\u0000b\nc')).toBe('aU+0000bU+000Ac');
  });
  it('writes invisible format characters and separators as their code points, keeping the plain space', () => {
    // `%E2%80%8B5` in a link: a zero-width space before the 5.
    expect(quoteInput('\u200B5')).toBe('U+200B5');
    expect(quoteInput('a\u3000b\u00A0c d')).toBe('aU+3000bU+00A0c d');
  });
  it('cuts long text at whole characters and marks the cut', () => {
    expect(quoteInput('😀'.repeat(25))).toBe(`${'😀'.repeat(20)}…`);
  });
  it('keeps short text as it is', () => {
    expect(quoteInput('批大小')).toBe('批大小');
  });
  it('is what a refused link value is quoted with', () => {
    expect(parseNumber('\uFFFD', { min: 1, max: 9 }, '批大小')).toEqual({ ok: false, message: '批大小必须是数字，收到“U+FFFD”。' });
  });
});

describe('nameChar', () => {
  it('quotes a character that shows as itself', () => {
    expect(['床', '😀', '𠀀'].map(nameChar)).toEqual(['“床”', '“😀”', '“𠀀”']);
  });
  it('names an invisible one by its bare code point, with no quotes around nothing visible', () => {
    expect(['\u200B', '\uE000', '\u0000'].map(nameChar)).toEqual(['U+200B', 'U+E000', 'U+0000']);
  });
  it('names the ideographic and the no-break space as a reader knows them, with their code points', () => {
    expect(['\u3000', '\u00A0', ' '].map(nameChar)).toEqual(['全角空格（U+3000）', '不换行空格（U+00A0）', '空格']);
  });
});

describe('quoting whole characters (graphemes)', () => {
  it('quotes a flag and a family emoji whole, not by their first code point', () => {
    expect(quoteInput('🇨🇳', 1)).toBe('🇨🇳');
    expect(quoteInput('👨‍👩‍👧', 1)).toBe('👨‍👩‍👧');
    expect(nameChar('👨‍👩‍👧')).toBe('“👨‍👩‍👧”');
  });
  it('counts graphemes against the limit and still names invisible ones', () => {
    expect(quoteInput('🇨🇳🇨🇳🇨🇳', 2)).toBe('🇨🇳🇨🇳…');
    expect(quoteInput('\u200B床')).toBe('U+200B床');
  });
  it('names an invisible code point inside a visible character (a ZWNJ after a letter), but not the joiners that build an emoji', () => {
    expect(quoteInput('a\u200C')).toBe('aU+200C');
    expect(quoteInput('🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}')).not.toContain('U+');
  });
  it('shows at most 12 code points of one character, so a letter with thousands of combining marks does not fill the page', () => {
    const quoted = quoteInput(`a${'\u0301'.repeat(5000)}`);
    expect([...quoted].length).toBeLessThanOrEqual(13);
    expect(quoted.endsWith('…')).toBe(true);
  });
  it('names the plain space 空格 rather than quoting a blank', () => {
    expect(nameChar(' ')).toBe('空格');
  });
});

describe('unknownGraphemes: unknown code points named as the reader’s whole characters', () => {
  it('groups a flag’s regional indicators and a family’s members with their joiners', () => {
    expect(unknownGraphemes(['🇨', '🇳', '👨', '👩', '👧'], '床🇨🇳👨‍👩‍👧')).toEqual(['🇨🇳', '👨‍👩‍👧']);
  });
  it('keeps a letter with its combining accent, even when only the accent is unknown', () => {
    expect(unknownGraphemes(['\u0301'], 'e\u0301')).toEqual(['e\u0301']);
  });
  it('leaves out a stray invisible character inside a grapheme, which the lab names apart', () => {
    expect(unknownGraphemes(['a'], 'a\u200c')).toEqual(['a']);
  });
  it('names each character once, and keeps one absent from the text on its own', () => {
    expect(unknownGraphemes(['猫', '狗'], '猫猫')).toEqual(['猫', '狗']);
  });
  it('gives the notice with the whole characters when the text is passed', () => {
    expect(unknownNotice(['🇨', '🇳'], '🇨🇳')).toBe('“🇨🇳” 不在模型的字符表中，按 <unk>（未知字符）处理。');
  });
});
