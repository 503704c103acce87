import { describe, expect, it } from 'vitest';
import { fromChars } from '../../../src/lib/textgen/vocab';
import { handTextProblem } from '../../../src/lib/transformer/hand-input';
import { checkMapText, emojiJoinerNotice } from '../../../src/lib/transformer/map-text';
import { decodeMapSettings, MAP_DEFAULTS } from '../../../src/lib/transformer/map-settings';
import { settingProblem } from '../../../src/lib/url/link-problem';

const vocab = fromChars(['<unk>', '。', '，', '\n', '床', '前', '明', '月', '光']);
const ok = (raw: unknown, n = 64) => {
  const r = checkMapText(raw, n, vocab);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('the attention map text', () => {
  it('keeps known text as it is, one id per character', () => {
    const r = ok('床前明月光');
    expect(r.text).toBe('床前明月光');
    expect(r.ids).toEqual([4, 5, 6, 7, 8]);
    expect(r.notices).toEqual([]);
  });

  it('refuses empty text with a message', () => {
    const r = checkMapText('', 64, vocab);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('为空');
  });

  it('refuses text made only of control characters', () => {
    expect(checkMapText('\u0000\u200b\t', 64, vocab).ok).toBe(false);
  });

  it('keeps the last contextLength characters of a longer text, as generation does, and says which', () => {
    const r = ok('明'.repeat(6) + '床'.repeat(64));
    expect(r.chars).toEqual(Array(64).fill('床'));
    expect(r.notices.join('')).toContain('文字有 70 个字符，超过了 Transformer 的上下文长度 64：模型只读最后 64 个字符，前面的 6 个它看不到。');
  });

  it('reads unknown characters as <unk> (id 0) and names them', () => {
    const r = ok('床猫前');
    expect(r.ids).toEqual([4, 0, 5]);
    expect(r.unknown).toEqual(['猫']);
    expect(r.notices.join('')).toContain('“猫”');
  });

  it('names an unknown blank by its name and code point, a private-use one by its code point, never invisibly', () => {
    const r = ok('床\u3000\uE000');
    expect(r.notices.join('')).toContain('全角空格（U+3000）、U+E000 不在模型的字符表中');
    expect(r.notices.join('')).not.toMatch(/[\u3000\uE000]/);
  });

  it('counts an emoji or an astral CJK character as one position', () => {
    const r = ok('床😀𠀀');
    expect(r.chars).toEqual(['床', '😀', '𠀀']);
    expect(r.ids).toEqual([4, 0, 0]);
  });

  it('names a flag, a family emoji and an accented letter whole, not by their code points', () => {
    const r = ok('床🇨🇳👨‍👩‍👧e\u0301');
    expect(r.unknown).toEqual(['🇨🇳', '👨‍👩‍👧', 'e\u0301']);
    expect(r.notices).toEqual([
      '“👨‍👩‍👧”里把各部分连成一个表情的不可见字符（U+200D）模型不读，图中只有各部分本身。',
      '“🇨🇳”、“👨‍👩‍👧”、“e\u0301” 不在模型的字符表中，按 <unk>（未知字符）处理。',
    ]);
  });

  it('drops an emoji’s joiners saying the model does not read them, not as stray invisible characters; a joiner between 汉字 is stray', () => {
    const emoji = ok('床👨‍👩‍👧').notices.join('');
    expect(emoji).toContain('“👨‍👩‍👧”里把各部分连成一个表情的不可见字符（U+200D）模型不读');
    expect(emoji).not.toContain('已删去');
    expect(ok('床\u200d前').notices.join('')).toContain('已删去 1 个控制字符或不可见字符');
    expect(emojiJoinerNotice('床前明月光🇨🇳')).toBeNull();
  });

  it('refuses a text of spaces and line breaks only, as §9.2 and §10.4 do', () => {
    expect(checkMapText('  \n ', 64, vocab)).toEqual({ ok: false, message: '文字只有空白：请输入至少一个字。' });
  });

  it('drops control characters, lone surrogates and U+FFFD, and keeps the line break', () => {
    const r = ok('床\u0007\n前\uD800\uFFFD\u202E月');
    expect(r.chars).toEqual(['床', '\n', '前', '月']);
    expect(r.notices.join('')).toContain('删去 4 个');
  });

  it('says a text made only of broken characters may come from a damaged link, as the stepper says it', () => {
    const r = checkMapText('\uFFFD\uFFFD', 64, vocab);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe('文字里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了。请输入至少一个字。');
      expect(r.message).not.toContain('没有可以显示');
    }
    expect(handTextProblem('\uFFFD')).toContain('可能是链接在转发时损坏了');
  });

  it('names a dropped broken character by its code point and the damaged link', () => {
    const r = ok('床\uFFFD前');
    expect(r.chars).toEqual(['床', '前']);
    expect(r.notices.join('')).toContain('（U+FFFD），可能是链接在转发时损坏了。已删去 1 个');
    expect(r.notices.join('')).not.toContain('\uFFFD');
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [undefined, null, 42, {}, '\uDFFF', '𠀀'.repeat(1000)]) expect(() => checkMapText(raw, 64, vocab)).not.toThrow();
  });
});

describe('the attention map link', () => {
  it('reads its settings under map.', () => {
    const { settings, problems } = decodeMapSettings(new URLSearchParams('map.text=明月&map.pos=1&map.layer=1&map.head=3'));
    expect(settings).toMatchObject({ text: '明月', pos: 1, layer: 1, head: 3 });
    expect(problems).toEqual([]);
  });

  it('keeps the defaults for bad values and says why', () => {
    const { settings, problems } = decodeMapSettings(new URLSearchParams('map.text=%00&map.head=9&map.__proto__=1'));
    expect(settings).toEqual(MAP_DEFAULTS);
    expect(problems).toHaveLength(3);
  });

  it('explains a refused text once, naming 文字, without its own “链接” prefix (the widget adds the one prefix)', () => {
    const { problems } = decodeMapSettings(new URLSearchParams('map.text=%EF%BF%BD'));
    expect(problems).toEqual([settingProblem('文字里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了。请输入至少一个字。')]);
  });

  it('names a NaN position in words, never echoing it', () => {
    const { problems } = decodeMapSettings(new URLSearchParams('map.pos=NaN'));
    expect(problems).toEqual([settingProblem('选中的位置（链接里的 map.pos，0 是第 1 个字）必须是数字，不能是“非数”或无穷大。')]);
  });

  it('names a refused position, layer or head as the page counts them, from 1, beside the link’s 0-based value', () => {
    const { problems } = decodeMapSettings(new URLSearchParams('map.pos=64&map.layer=2&map.head=4'));
    expect(problems.map((p) => p.text)).toEqual([
      '选中的位置（链接里的 map.pos，0 是第 1 个字）必须在 0 到 63 之间，收到 64。',
      '层（链接里的 map.layer，0 是第 1 层）必须在 0 到 1 之间，收到 2。',
      '头（链接里的 map.head，0 是头 1）必须在 0 到 3 之间，收到 4。',
    ]);
  });
});

describe('the map names what it dropped', () => {
  it('names a NUL by its code point, as the stepper does', () => {
    const r = checkMapText('\u0000床', 64);
    expect(r.ok && r.notices.join('')).toContain('U+0000');
  });
});
