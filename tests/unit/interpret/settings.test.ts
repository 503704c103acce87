import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES } from '../../../src/lib/textgen/model';
import { decodeWhy, encodeWhy, MAX_TEXT, UNIT_RULE, WHY_DEFAULTS, WHY_FIELDS, type WhySettings } from '../../../src/lib/interpret/settings';

describe('interpretability view settings', () => {
  it('round-trip through the link', () => {
    const s: WhySettings = { src: 'mine', text: '白日依山尽，\n黄河入海流。', unit: 17, cls: 'char', ch: '河' };
    expect(decodeWhy(encodeWhy(s))).toEqual({ settings: s, problems: [], repairs: {} });
  });

  it('offers every unit of the §5.2 model, and no more', () => {
    expect(UNIT_RULE.max).toBe(DEFAULT_SIZES.units - 1);
  });

  it('refuses a unit out of range or not an integer, and keeps the default', () => {
    for (const bad of ['128', '-1', '2.5', 'abc', '']) {
      const { settings, problems } = decodeWhy(new URLSearchParams({ 'why.unit': bad }));
      expect(settings.unit).toBe(WHY_DEFAULTS.unit);
      expect(problems, bad).toHaveLength(1);
      expect(problems[0].text).toContain('隐藏单元编号');
    }
  });

  it('refuses an empty text or one with nothing readable, and drops NUL and U+FFFD from the rest', () => {
    for (const bad of ['', '\u0000', '\uFFFD\u200D']) {
      const r = WHY_FIELDS.text(bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(WHY_FIELDS.text('明\u0000月\uFFFD')).toEqual({ ok: true, value: '明月' });
  });

  it('refuses a text of spaces only, as §9.2 refuses its prompt', () => {
    expect(WHY_FIELDS.text('   ')).toEqual({ ok: false, message: '文字只有空白：请输入至少一个字。' });
  });

  it('refuses a space as the chosen character, naming it 空格', () => {
    expect(WHY_FIELDS.ch(' ')).toEqual({ ok: false, message: '指定的字必须正好是一个可见的字符，收到空格。' });
  });

  it('keeps only the first MAX_TEXT characters of an over-long text, counting an emoji as one', () => {
    const r = WHY_FIELDS.text('😀'.repeat(MAX_TEXT + 5));
    expect(r.ok && Array.from(r.value)).toHaveLength(MAX_TEXT);
  });

  it('takes exactly one visible character for the chosen class, and an own-key class or source only', () => {
    expect(WHY_FIELDS.ch('月')).toEqual({ ok: true, value: '月' });
    for (const bad of ['', '明月', '\u0000', '\uFFFD']) expect(WHY_FIELDS.ch(bad).ok, JSON.stringify(bad)).toBe(false);
    const { settings, problems } = decodeWhy(new URLSearchParams({ 'why.cls': 'toString', 'why.src': 'cloud', 'why.__proto__': 'x' }));
    expect(settings.cls).toBe(WHY_DEFAULTS.cls);
    expect(settings.src).toBe(WHY_DEFAULTS.src);
    expect(problems).toHaveLength(3);
  });

  it('says so when a link’s text is cut to MAX_TEXT characters or loses unreadable ones', () => {
    const long = decodeWhy(new URLSearchParams({ 'why.text': '春'.repeat(MAX_TEXT + 6) }));
    expect(Array.from(long.settings.text)).toHaveLength(MAX_TEXT);
    expect(long.repairs.text).toBe(
      `链接中的文字已修正：文字有 ${MAX_TEXT + 6} 个字符，超过了 Transformer 的上下文长度 ${MAX_TEXT}：模型只读最后 ${MAX_TEXT} 个字符，前面的 6 个它看不到。`,
    );
    expect(decodeWhy(new URLSearchParams({ 'why.text': '明\u0000月' })).repairs.text).toContain('已删去 1 个控制字符或不可见字符');
    expect(decodeWhy(new URLSearchParams({ 'why.text': '明月' })).repairs).toEqual({});
  });

  it('reads a link’s −0 (or 05, 5.0) as the unit it means, and says so', () => {
    const zero = decodeWhy(new URLSearchParams({ 'why.unit': '-0' }));
    expect(Object.is(zero.settings.unit, 0)).toBe(true);
    expect(zero.repairs.unit).toBe('链接中的隐藏单元编号“-0”已按 0 使用。');
    expect(Object.is((WHY_FIELDS.unit('-0') as { value: number }).value, 0)).toBe(true);
    expect(decodeWhy(new URLSearchParams({ 'why.unit': '5.0' })).repairs.unit).toContain('已按 5 使用');
    expect(decodeWhy(new URLSearchParams({ 'why.unit': '5' })).repairs).toEqual({});
  });

  it('names the options of a refused source or class by the labels the reader sees, not the link names', () => {
    const { problems } = decodeWhy(new URLSearchParams({ 'why.src': 'cloud', 'why.cls': 'bogus' }));
    expect(problems.map((p) => p.text)).toEqual([
      '未知的模型来源“cloud”，可选：预训练检查点、我在本书里训练的模型。',
      '未知的字符类别“bogus”，可选：标点、换行、指定的字。',
    ]);
    expect(problems.map((p) => p.text).join()).not.toMatch(/ckpt|mine|punct|break|char/);
  });
});
