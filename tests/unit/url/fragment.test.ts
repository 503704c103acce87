import { describe, expect, it } from 'vitest';
import { damageConcerns, DAMAGED, readFragment, safeDecode, signFragment } from '../../../src/lib/url/fragment';
import { checksum } from '../../../src/lib/url/checksum';

/** A widget link's fragment as 复制链接 makes it; the prompt has a space, which URLSearchParams writes as `+`. */
const settings = new URLSearchParams({ 'train.seed': '7', 'train.lr': '0.03', 'tg.prompt': '春眠 不觉晓' });
const signed = signFragment(settings);
/** How the browser shows a character glued onto the link in location.hash. */
const asBrowserShows = (s: string) => encodeURI(s);

const params = (hash: string) => {
  const f = readFragment(hash);
  return f.kind === 'params' ? Object.fromEntries(f.params) : f.kind;
};
const expected = Object.fromEntries(settings);

describe('a signed widget fragment', () => {
  it('puts the checksum first, so cutting the link short never removes it', () => {
    expect(signed.startsWith(`sum=${checksum(settings.toString())}&`)).toBe(true);
    expect(signed).toContain('tg.prompt=%E6%98%A5%E7%9C%A0+');
  });

  it('reads back exactly the settings it was made from', () => {
    expect(readFragment(`#${signed}`)).toEqual({ kind: 'params', params: settings, signed: true });
  });

  it.each([
    ['+ turned into a space', signed.replace('+', ' ')],
    ['+ turned into %20', signed.replace('+', '%20')],
    ['percent-encoded once more', encodeURIComponent(signed)],
    ['percent-encoded twice more', encodeURIComponent(encodeURIComponent(signed))],
    ...['。', '）', ')', '.', '。)', '）.', '，', ','].map((tail) => [`a trailing ${tail}`, signed + asBrowserShows(tail)]),
    ['a trailing raw 。', `${signed}。`],
    ['encoded once more with a trailing 。', encodeURIComponent(`${signed}。`)],
  ])('loads the same settings with %s', (_, hash) => {
    expect(params(`#${hash}`)).toEqual(expected);
  });

  it.each([1, 5, 20])('is refused as damaged when cut short by %i characters', (n) => {
    expect(readFragment(`#${signed.slice(0, -n)}`)).toMatchObject({ kind: 'damaged' });
  });

  it.each(['x', 'Q7', 'k2Zp9', '&x=1', '%E4%B8%AD'])('is refused as damaged with %s appended', (junk) => {
    expect(readFragment(`#${signed}${junk}`)).toMatchObject({ kind: 'damaged' });
  });

  it('is refused when the checksum itself is cut short', () => {
    expect(readFragment(`#${signed.slice(0, 9)}`)).toMatchObject({ kind: 'damaged' });
  });
});

describe('an unsigned fragment', () => {
  it('is read as parameters, as links were before signing', () => {
    expect(readFragment('#train.seed=7&train.lr=0.03')).toEqual({ kind: 'params', params: new URLSearchParams('train.seed=7&train.lr=0.03'), signed: false });
  });

  it('loses a glued-on trailing 。 or )', () => {
    expect(params('#train.seed=7%E3%80%82')).toEqual({ 'train.seed': '7' });
    expect(params('#zip.sp=30%EF%BC%8C')).toEqual({ 'zip.sp': '30' });
    expect(params('#zip.sp=30,')).toEqual({ 'zip.sp': '30' });
    expect(params('#train.seed=7)')).toEqual({ 'train.seed': '7' });
  });

  it('is decoded when encoded once more', () => {
    expect(params('#train.seed%3D7%26train.lr%3D0.03')).toEqual({ 'train.seed': '7', 'train.lr': '0.03' });
  });

  it('keeps a closing bracket that closes the value’s own opening one: a label such as Transformer（附录 A）', () => {
    expect(params('#zip.model=Transformer（附录 A）')).toEqual({ 'zip.model': 'Transformer（附录 A）' });
    expect(params('#zip.model=LSTM%EF%BC%885.2%20%E8%8A%82%EF%BC%89')).toEqual({ 'zip.model': 'LSTM（5.2 节）' });
  });

  it('drops only what was glued after such a label: the 。 of GPT-2（124M）。, and a ) with no partner', () => {
    expect(params('#scale.m=GPT-2（124M）。')).toEqual({ 'scale.m': 'GPT-2（124M）' });
    expect(params('#scale.m=GPT-2（124M）)')).toEqual({ 'scale.m': 'GPT-2（124M）' });
  });
});

describe('anchors and odd fragments', () => {
  it('reads an empty fragment as empty', () => {
    expect(readFragment('')).toEqual({ kind: 'empty' });
    expect(readFragment('#')).toEqual({ kind: 'empty' });
  });

  it('reads a paragraph anchor, without the 。 a chat app glued on', () => {
    expect(readFragment('#p-0abc123%E3%80%82')).toEqual({ kind: 'anchor', id: 'p-0abc123' });
  });

  it('decodes a percent-encoded anchor', () => {
    expect(readFragment('#%E6%A0%87%E9%A2%98')).toEqual({ kind: 'anchor', id: '标题' });
  });

  it.each(['#%E0%A4%A', '#%', '#%zz', '#a=%E0%A4%A', '#sum=%E0%A4%A&x=1', '#%25E0%25A4%25A'])('never throws on the malformed %s', (hash) => {
    expect(() => readFragment(hash)).not.toThrow();
  });

  it('keeps a malformed anchor as its raw text', () => {
    expect(readFragment('#%E0%A4%A')).toEqual({ kind: 'anchor', id: '%E0%A4%A' });
  });

  it('safeDecode leaves malformed text unchanged', () => {
    expect(safeDecode('%E0%A4%A')).toBe('%E0%A4%A');
    expect(safeDecode('%E4%B8%AD')).toBe('中');
  });

  it('says 链接不完整或已损坏', () => {
    expect(DAMAGED).toBe('链接不完整或已损坏');
  });
});

describe('checksum', () => {
  it('is 7 base-36 digits and changes with any one character', () => {
    expect(checksum('')).toMatch(/^[0-9a-z]{7}$/);
    expect(checksum('train.seed=7')).not.toBe(checksum('train.seed=8'));
  });
});

describe('whose damaged link it is', () => {
  it('lists the widget prefixes a damaged fragment still names', () => {
    expect(readFragment('#sum=zzzz&gpt.t=1.2')).toEqual({ kind: 'damaged', prefixes: ['gpt'] });
    expect(readFragment(`#${signed}x`)).toEqual({ kind: 'damaged', prefixes: ['train', 'tg'] });
  });

  it('concerns only the widgets it names', () => {
    const f = readFragment('#sum=zzzz&gpt.t=1.2');
    expect(damageConcerns(f, 'gpt')).toBe(true);
    for (const other of ['tour', 'map', 'att', 'gtrain']) expect(damageConcerns(f, other)).toBe(false);
  });

  it('concerns every widget when it names none (cut down to its checksum)', () => {
    const f = readFragment(`#${signed.slice(0, 9)}`);
    expect(damageConcerns(f, 'map')).toBe(true);
  });

  it('concerns no widget when the link is whole', () => {
    expect(damageConcerns(readFragment(`#${signed}`), 'train')).toBe(false);
  });
});
