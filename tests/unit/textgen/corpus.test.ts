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
});
