import { describe, expect, it } from 'vitest';
import { COMPRESS_DEFAULTS, COMPRESS_FIELDS, decodeCompress, encodeCompress, promptWarning, unknownChars } from '../../../src/lib/compress/settings';
import { unknownNotice } from '../../../src/lib/transformer/map-text';
import { fromChars } from '../../../src/lib/textgen/vocab';

describe('compression lab settings', () => {
  it('round-trip through the link', () => {
    const s = { model: 'gpt' as const, sp: 87.5, prompt: '白日依山尽' };
    expect(decodeCompress(encodeCompress(s))).toEqual({ settings: s, problems: [] });
  });

  it('refuses a sparsity out of range or not a number, with a message, and keeps the default', () => {
    for (const bad of ['100', '-1', 'abc', '', 'Infinity', '0x10']) {
      const { settings, problems } = decodeCompress(new URLSearchParams({ 'zip.sp': bad }));
      expect(settings.sp).toBe(COMPRESS_DEFAULTS.sp);
      expect(problems, bad).toHaveLength(1);
      expect(problems[0].text).toContain('剪枝稀疏度');
    }
  });

  it('refuses an unknown model and reports unknown keys, own keys only', () => {
    const { settings, problems } = decodeCompress(new URLSearchParams({ 'zip.model': 'bert', 'zip.__proto__': '1' }));
    expect(settings.model).toBe('lstm');
    expect(problems).toHaveLength(2);
    expect(problems[0].text).toBe('未知的模型“bert”，可选：LSTM（5.2 节）、Transformer（附录 A）。');
  });

  it('accepts the field text a reader types with the same parser', () => {
    expect(COMPRESS_FIELDS.sp('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(COMPRESS_FIELDS.sp('99.5').ok).toBe(false);
  });
});

describe('the compression lab prompt warning', () => {
  it('warns of NUL and of U+FFFD as the other text widgets do, by code point, and still uses the prompt', () => {
    expect(promptWarning('春\u0000眠')).toBe('开头文字里有看不见的控制字符或格式字符（U+0000）。两个模型都把它当作 <unk>（未知字符）来读。');
    expect(promptWarning('春\uFFFD眠')).toContain('（U+FFFD），可能是链接在转发时损坏了。');
    expect(promptWarning('春\uFFFD眠')).not.toMatch(/\uFFFD/);
    expect(COMPRESS_FIELDS.prompt('春\u0000眠')).toEqual({ ok: true, value: '春\u0000眠' });
  });

  it('says nothing about an ordinary prompt', () => {
    expect(promptWarning(COMPRESS_DEFAULTS.prompt)).toBeNull();
    expect(promptWarning('')).toBeNull();
  });
});

describe('the compression lab prompt, empty or with characters outside the vocabulary', () => {
  it('refuses an empty prompt, from the field or a link, and keeps the default', () => {
    expect(COMPRESS_FIELDS.prompt('')).toEqual({ ok: false, message: '开头文字为空：请输入至少一个字。' });
    const { settings, problems } = decodeCompress(new URLSearchParams('zip.prompt='));
    expect(settings.prompt).toBe(COMPRESS_DEFAULTS.prompt);
    expect(problems.map((p) => p.text).join('')).toContain('开头文字为空');
  });
  it('refuses a prompt of only spaces (half- or full-width) like an empty one, from the field or a link', () => {
    for (const blank of ['   ', '\u3000\u3000', ' \n '])
      expect(COMPRESS_FIELDS.prompt(blank)).toEqual({ ok: false, message: '开头文字只有空白：请输入至少一个字。' });
    const { settings, problems } = decodeCompress(new URLSearchParams('zip.prompt=%20%20'));
    expect(settings.prompt).toBe(COMPRESS_DEFAULTS.prompt);
    expect(problems.map((p) => p.text).join('')).toContain('开头文字只有空白');
  });
  it('finds the characters read as <unk>, once each, leaving unreadable ones to the warning', () => {
    const vocab = fromChars(['<unk>', '春', '眠']);
    expect(unknownChars('春😀眠😀龘\u0000<', vocab)).toEqual(['😀', '龘', '<']);
    expect(unknownNotice(['😀'])).toBe('“😀” 不在模型的字符表中，按 <unk>（未知字符）处理。');
  });
});
