import { describe, expect, it } from 'vitest';
import {
  brokenMessage,
  codeOf,
  droppedNotice,
  isBroken,
  isInvisible,
  readable,
  readableText,
  unreadable,
  unreadableWarning,
} from '../../../src/lib/textgen/unreadable';

describe('the rule for unreadable characters', () => {
  it('calls U+FFFD and lone surrogates broken, and nothing else', () => {
    expect(['\uFFFD', '\uD800', '\uDFFF'].map(isBroken)).toEqual([true, true, true]);
    expect(['床', '😀', '\u0000', '\n'].map(isBroken)).toEqual([false, false, false, false]);
  });

  it('calls controls (but the line break) and format marks invisible', () => {
    expect(['\u0000', '\t', '\u007F', '\u200B', '\u202E'].map(isInvisible)).toEqual([true, true, true, true, true]);
    expect(['\n', '床', ' ', '\uFFFD'].map(isInvisible)).toEqual([false, false, false, false]);
  });

  it('names characters by code point, four hex digits at least', () => {
    expect(codeOf('\u0000')).toBe('U+0000');
    expect(codeOf('\uFFFD')).toBe('U+FFFD');
    expect(codeOf('😀')).toBe('U+1F600');
  });

  it('warns of a broken character first, naming the damaged link, and never quotes it', () => {
    const w = unreadableWarning('春\u0000眠\uFFFD', '开头文字');
    expect(w).toBe(brokenMessage('\uFFFD', '开头文字'));
    expect(w).toBe('开头文字里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了。');
  });

  it('warns of an invisible character by code point', () => {
    expect(unreadableWarning('春\u0000眠', '开头文字')).toBe('开头文字里有看不见的控制字符或格式字符（U+0000）。');
  });

  it('names every distinct invisible character, in order of first appearance, not only the first', () => {
    expect(unreadableWarning('春\u0007眠\u200b不\u0007觉', '开头文字')).toBe('开头文字里有看不见的控制字符或格式字符（U+0007、U+200B）。');
  });

  it('says nothing about ordinary text, line breaks and emoji', () => {
    expect(unreadableWarning('春眠不觉晓\n处处闻啼鸟😀')).toBeNull();
    expect(unreadableWarning('')).toBeNull();
  });

  it('writes broken and invisible characters back as code points, keeping the rest', () => {
    expect(readableText('春\u0000眠\uFFFD\n😀')).toBe('春U+0000眠U+FFFD\n😀');
  });
});

describe('readable text', () => {
  it('drops NUL and other controls, format characters, lone surrogates and U+FFFD, and says which', () => {
    expect(readable('春\u0000眠\u200b不\u001f觉\ud800晓\ufffd')).toEqual({ text: '春眠不觉晓', dropped: ['\u0000', '\u200b', '\u001f', '\ud800', '\ufffd'] });
  });

  it('keeps line breaks, spaces, emoji and rare characters as they are', () => {
    expect(readable('春 眠\n😀𠀀')).toEqual({ text: '春 眠\n😀𠀀', dropped: [] });
    expect(unreadable('\n')).toBe(false);
  });
});

describe('the notice for dropped characters', () => {
  const places = ['corpus', 'prompt', 'map'] as const;

  it('says nothing when nothing was dropped', () => {
    for (const place of places) expect(droppedNotice([], '文字', place)).toBeNull();
  });

  it('counts each character of a training text, in order of first appearance, dropped before training', () => {
    expect(droppedNotice(['\u200d', '\u0000', '\u200d'], '文本', 'corpus')).toBe(
      '文本里有 3 个看不见的控制字符或格式字符，训练前已删去：U+200D ×2、U+0000 ×1。',
    );
  });

  it('names each distinct character a prompt field lost once', () => {
    expect(droppedNotice(['\u0000', '\u200b', '\u0000'], '开头文字', 'prompt')).toBe('开头文字里的 3 个控制字符或不可见字符（U+0000、U+200B）已删去。');
  });

  it('names the characters a view reads without, then how many', () => {
    expect(droppedNotice(['\u0007', '\u200b'], '文字', 'map')).toBe('文字里有看不见的控制字符或格式字符（U+0007、U+200B）。已删去 2 个控制字符或不可见字符。');
  });

  it('puts a broken character first, with the damaged-link message, wherever it was dropped', () => {
    for (const place of places)
      expect(droppedNotice(['\u0000', '\ufffd'], '文字', place)).toMatch(/^文字里有无法识别的字符（U\+FFFD），可能是链接在转发时损坏了。/);
  });

  it('calls what went with a broken character by one name in every lab: 无法识别或不可见的字符', () => {
    expect(droppedNotice(['\u0000', '\ufffd'], '文本', 'corpus')).toContain('训练前已删去 2 个无法识别或不可见的字符：U+0000 ×1、U+FFFD ×1。');
    expect(droppedNotice(['\u0000', '\ufffd'], '开头文字', 'prompt')).toContain('已删去 2 个无法识别或不可见的字符（U+0000、U+FFFD）。');
    expect(droppedNotice(['\u0000', '\ufffd'], '文字', 'map')).toContain('已删去 2 个无法识别或不可见的字符。');
  });

  it('does not list a prompt’s broken character twice when it is all that was dropped', () => {
    expect(droppedNotice(['\ufffd', '\ufffd'], '开头文字', 'prompt')).toBe(
      '开头文字里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了。已删去 2 个无法识别或不可见的字符。',
    );
  });

  it('never quotes a dropped character itself, only its code point', () => {
    for (const place of places) expect(droppedNotice(['\u0000', '\u200b', '\ud800'], '文字', place)).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
  });
});
