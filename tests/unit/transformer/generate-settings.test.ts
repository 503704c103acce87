import { describe, expect, it } from 'vitest';
import { cleanPrompt, decodeGptSettings, encodeGptSettings, GPT_DEFAULTS, promptNotices } from '../../../src/lib/transformer/generate-settings';
import { MAX_PROMPT } from '../../../src/lib/textgen/settings';
import { fromChars } from '../../../src/lib/textgen/vocab';

const vocab = fromChars(['<unk>', '\n', ...'春眠不觉晓处闻啼鸟']);

describe('the generation lab’s link', () => {
  it('round-trips prompt, numbers and the comparison flag, emoji included', () => {
    const settings = { prompt: '春😀', numbers: { t: 0, len: 2000, seed: 9, topk: 5 }, compare: true };
    const params = new URLSearchParams(encodeGptSettings(settings).toString());
    expect(params.get('gpt.cmp')).toBe('1');
    expect(decodeGptSettings(params)).toEqual({ settings, problems: [] });
  });

  it('keeps the defaults and explains a bad flag, length, prompt or unknown key', () => {
    const { settings, problems } = decodeGptSettings(new URLSearchParams(`gpt.cmp=yes&gpt.len=2001&gpt.prompt=${'字'.repeat(MAX_PROMPT + 1)}&gpt.__proto__=1`));
    expect(settings).toEqual(GPT_DEFAULTS);
    expect(problems).toHaveLength(4);
  });

  it('ignores the LSTM lab’s keys', () => {
    expect(decodeGptSettings(new URLSearchParams('tg.t=0&tg.prompt=x'))).toEqual({ settings: GPT_DEFAULTS, problems: [] });
  });
});

describe('notices about a prompt', () => {
  it('says nothing about an ordinary prompt', () => {
    expect(promptNotices('春眠不觉晓', vocab, 8)).toEqual([]);
  });

  it('says an empty prompt starts a poem', () => {
    expect(promptNotices('', vocab, 8)).toEqual([expect.stringContaining('开头文字是空的')]);
  });

  it('names characters outside the vocabulary, emoji as one character', () => {
    expect(promptNotices('春😀𠀀', vocab, 8)).toEqual([expect.stringContaining('“😀”、“𠀀”')]);
  });

  it('drops invisible characters before reading, naming the stray ones by code point (NUL) but not an emoji’s joiner', () => {
    const [dropped, unknown] = promptNotices('春\u0000👨\u200d👩', vocab, 8);
    expect(dropped).toContain('1 个控制字符或不可见字符（U+0000）已删去');
    expect(unknown).toContain('“👨\u200d👩” 不在模型的字符表中');
    expect([dropped, unknown].join('')).not.toMatch(/“\p{C}”/u);
  });

  it('names unknown characters as whole graphemes: a flag, a family, e with its accent', () => {
    const [unknown] = promptNotices('春🇨🇳👨‍👩‍👧e\u0301', vocab, 8);
    expect(unknown).toBe('开头文字里的 “🇨🇳”、“👨‍👩‍👧”、“e\u0301” 不在模型的字符表中，按 <unk>（未知字符）处理。');
  });

  it('keeps an emoji’s joiners in the field (cleanPrompt), names a stray joiner between 汉字', () => {
    expect(cleanPrompt('春👨‍👩‍👧')).toEqual({ prompt: '春👨‍👩‍👧', notice: null });
    expect(cleanPrompt('春\u200d眠').notice).toContain('U+200D');
  });

  it('names an unknown ideographic space as 全角空格 with its code point', () => {
    const [notice] = promptNotices('春\u3000', vocab, 8);
    expect(notice).toContain('全角空格（U+3000） 不在模型的字符表中');
    expect(notice).not.toContain('\u3000');
  });

  it('gives a U+FFFD (a damaged link) the shared damaged-link message, never “control character” or the character itself', () => {
    const [notice] = promptNotices('春\uFFFD眠', vocab, 8);
    expect(notice).toContain('开头文字里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了');
    expect(notice).not.toContain('控制字符');
    expect(notice).not.toContain('\uFFFD');
  });

  it('counts the context without the dropped characters', () => {
    expect(promptNotices('春'.repeat(8) + '\u0000', vocab, 8).filter((n) => n.includes('上下文'))).toEqual([]);
  });

  it('says only the last context-length characters are read, counting code points', () => {
    expect(promptNotices('春'.repeat(8), vocab, 8)).toEqual([]);
    const [notice] = promptNotices('春'.repeat(8) + '😀', vocab, 8).filter((n) => n.includes('上下文'));
    expect(notice).toContain('开头文字有 9 个字符');
    expect(notice).toContain('只读最后 8 个字符');
  });
});

describe('the prompt as the field keeps it', () => {
  it('drops a NUL with the notice a typed one gets', () => {
    expect(cleanPrompt('春\u0000眠')).toEqual({ prompt: '春眠', notice: '开头文字里的 1 个控制字符或不可见字符（U+0000）已删去。' });
  });

  it('drops a U+FFFD with the damaged-link message', () => {
    const { prompt, notice } = cleanPrompt('\uFFFD春');
    expect(prompt).toBe('春');
    expect(notice).toContain('可能是链接在转发时损坏了');
  });

  it('leaves an ordinary prompt alone, with no notice', () => {
    expect(cleanPrompt('春😀')).toEqual({ prompt: '春😀', notice: null });
  });
});

describe('the notice for a broken character in the prompt', () => {
  it('names U+FFFD once', () => {
    const { notice } = cleanPrompt('春\uFFFD眠');
    expect(notice?.match(/U\+FFFD/g)).toHaveLength(1);
  });
});
