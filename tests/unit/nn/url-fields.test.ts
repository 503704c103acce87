import { describe, expect, it } from 'vitest';
import { EXPLORER_DEFAULTS, EXPLORER_FIELDS, EXPLORER_PREFIX } from '../../../src/lib/nn/explorer';
import { decodeFields } from '../../../src/lib/nn/url-fields';
import { choiceField, numberField } from '../../../src/lib/nn/validate';
import { linkProblemLine, settingProblem, unknownKeyProblem } from '../../../src/lib/url/link-problem';

const fields = { n: numberField({ min: 0, max: 9, integer: true, name: '个数' }), mode: choiceField(['a', 'b'] as const, '模式') };
const decode = (query: string) => decodeFields(new URLSearchParams(query), 'w', fields);

describe('decodeFields', () => {
  it('reads the widget’s own keys under its prefix', () => {
    expect(decode('w.n=3&w.mode=b')).toEqual({ values: { n: 3, mode: 'b' }, problems: [], notices: [] });
  });
  it('leaves out a refused value and explains it with the field’s own message', () => {
    expect(decode('w.n=10')).toEqual({ values: {}, problems: [settingProblem('个数必须在 0 到 9 之间，收到 10。')], notices: [] });
  });
  it.each(['__proto__', 'toString', 'constructor', 'valueOf', 'hasOwnProperty', '', 'N'])('ignores and reports the name “%s”', (name) => {
    const { values, problems } = decode(`w.${name}=1`);
    expect(values).toEqual({});
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(problems).toEqual([unknownKeyProblem(`w.${name}`)]);
    expect(problems.map(linkProblemLine)).toEqual([`链接中的设置有误：不认识的设置“w.${name}”，已忽略。`]);
  });
  it('ignores other widgets’ keys and keys without a prefix', () => {
    expect(decode('x.n=3&n=4&wn=5')).toEqual({ values: {}, problems: [], notices: [] });
  });
  it('takes the first of repeated keys and reports an unknown name once', () => {
    expect(decode('w.n=1&w.n=2&w.z=1&w.z=2')).toEqual({ values: { n: 1 }, problems: [unknownKeyProblem('w.z')], notices: [] });
  });
});

describe('forward explorer link', () => {
  it('reads numbers and functions with the fields’ parsers', () => {
    const { values, problems } = decodeFields(new URLSearchParams('fx.x1=-1.5&fx.act=tanh&fx.out=sigmoid'), EXPLORER_PREFIX, EXPLORER_FIELDS);
    expect(values).toEqual({ x1: -1.5, act: 'tanh', out: 'sigmoid' });
    expect(problems).toEqual([]);
  });
  it.each([
    ['fx.x1=10', true],
    ['fx.x1=10.01', false],
    ['fx.b21=-10', true],
    ['fx.act=Tanh', false],
    ['fx.out=relu', false],
    ['fx.toString=1', false],
  ])('%s → accepted: %s', (query, ok) => {
    expect(decodeFields(new URLSearchParams(query), EXPLORER_PREFIX, EXPLORER_FIELDS).problems).toHaveLength(ok ? 0 : 1);
  });
  it('has a default for every numeric key', () => {
    for (const key of Object.keys(EXPLORER_DEFAULTS)) expect(Object.hasOwn(EXPLORER_FIELDS, key)).toBe(true);
  });
});
