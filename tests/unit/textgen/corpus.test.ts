import { describe, expect, it } from 'vitest';
import { checkFile, checkText, MAX_BYTES } from '../../../src/lib/textgen/corpus';

const poem = '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n';
const enough = poem.repeat(10);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("a reader's own text", () => {
  it('is refused when empty or shorter than 200 characters', () => {
    expect(checkText('  \n')).toMatchObject({ ok: false, message: expect.stringContaining('空') });
    expect(checkText(poem)).toMatchObject({ ok: false, message: expect.stringContaining('至少需要 200') });
    expect(checkText(enough)).toEqual({ ok: true, text: enough, notices: [] });
  });

  it('counts an emoji as one character', () => {
    expect(checkText('😀'.repeat(199))).toMatchObject({ ok: false, message: expect.stringContaining('199') });
  });

  it('is refused above 2 MB', () => {
    expect(checkText('字'.repeat(MAX_BYTES / 3 + 1))).toMatchObject({ ok: false, message: expect.stringContaining('2 MB') });
    expect(checkFile(new Uint8Array(MAX_BYTES + 1))).toMatchObject({ ok: false, message: expect.stringContaining('2 MB') });
  });

  it('is accepted with a notice when it has more distinct characters than the vocabulary holds', () => {
    const r = checkText(enough + 'abcdefghij'.repeat(20), 10);
    expect(r.ok && r.notices[0]).toContain('<unk>');
  });

  it('refuses a binary file and a file that is not UTF-8', () => {
    expect(checkFile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, ...utf8(enough)]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('二进制'),
    });
    const gbk = Uint8Array.from({ length: 600 }, (_, i) => [0xc4, 0xe3, 0xba, 0xc3][i % 4]); // "你好你好…" in GBK
    expect(checkFile(gbk)).toMatchObject({ ok: false, message: expect.stringContaining('UTF-8') });
    expect(checkFile(utf8('\uFEFF' + enough))).toEqual({ ok: true, text: enough, notices: [] });
  });

  it('drops NUL, BEL, U+200D and U+FFFD before training, naming each and how many', () => {
    const r = checkText(`\u0000${enough.slice(0, 30)}\u0007\u200D${enough.slice(30)}\u0000\uFFFD`);
    expect(r.ok && r.text).toBe(enough);
    expect(r.ok && r.notices).toEqual([
      '文本里有无法识别的字符（U+FFFD），可能是链接在转发时损坏了。训练前已删去 5 个无法识别或不可见的字符：U+0000 ×2、U+0007 ×1、U+200D ×1、U+FFFD ×1。',
    ]);
  });

  it('says only invisible characters were dropped when there is no U+FFFD, and reads CR LF as a line break', () => {
    const r = checkText(`${enough.replace(/\n/g, '\r\n')}\u200D`);
    expect(r.ok && r.text).toBe(enough);
    expect(r.ok && r.notices).toEqual(['文本里有 1 个看不见的控制字符或格式字符，训练前已删去：U+200D ×1。']);
  });

  it('counts only readable characters towards the minimum, and refuses text with none', () => {
    expect(checkText(poem.repeat(7) + '\u0000'.repeat(50))).toMatchObject({ ok: false, message: expect.stringContaining('只有 174 个字符') });
    expect(checkText('\u0000\u200D')).toMatchObject({ ok: false, message: expect.stringContaining('没有可以显示的字符') });
  });

  it('a file with a zero-width joiner gets the same notice', () => {
    const r = checkFile(utf8(`${enough}\u200D`));
    expect(r.ok && r.notices[0]).toContain('U+200D ×1');
  });
});
