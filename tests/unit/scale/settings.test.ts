import { expect, test } from 'vitest';
import { decodeFields } from '../../../src/lib/nn/url-fields';
import { transformerParams } from '../../../src/lib/scale/count';
import { ARCHS } from '../../../src/lib/scale/presets';
import { checkCustom, SCALE_FIELDS, SCALE_PREFIX } from '../../../src/lib/scale/settings';

const decode = (hash: string) => decodeFields(new URLSearchParams(hash), SCALE_PREFIX, SCALE_FIELDS);

test('a link sets the model, the shape, the tokens and the hardware', () => {
  const { values, problems } = decode('scale.m=custom&scale.L=2&scale.d=64&scale.h=4&scale.D=3e11&scale.g=h100&scale.u=35');
  expect(problems).toEqual([]);
  expect(values).toEqual({ m: 'custom', L: 2, d: 64, h: 4, D: 3e11, g: 'h100', u: 35 });
});
test('bad values in a link are refused with a message each, never thrown', () => {
  const { values, problems } = decode('scale.m=gpt5&scale.L=-3&scale.d=abc&scale.V=1e400&scale.n=0&scale.__proto__=1');
  expect(values).toEqual({});
  expect(problems).toHaveLength(6);
  expect(problems.join('\n')).toMatch(/未知的模型“gpt5”/);
  expect(problems.join('\n')).toMatch(/d_model必须是数字/);
  expect(problems.join('\n')).toMatch(/词表大小太大了/);
  expect(problems.join('\n')).toMatch(/不认识的设置“scale.__proto__”/);
});
test('heads that do not divide d_model are explained', () => {
  const r = checkCustom({ L: 12, d: 768, h: 10, V: 50257, T: 1024 });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toMatch(/d_model（768）不能被注意力头数（10）整除/);
});
test('more heads than dimensions are explained', () => {
  const r = checkCustom({ L: 1, d: 4, h: 8, V: 10, T: 10 });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toMatch(/不能多于 d_model/);
});
test('a custom model with GPT-2 small’s shape has GPT-2 small’s count', () => {
  const r = checkCustom({ L: 12, d: 768, h: 12, V: 50257, T: 1024 });
  expect(r.ok && transformerParams(r.arch)).toBe(transformerParams(ARCHS.gpt2));
});
test('the largest allowed custom model still has a finite count', () => {
  const r = checkCustom({ L: 10_000, d: 1_000_000, h: 1, V: 10_000_000, T: 10_000_000 });
  expect(r.ok && Number.isFinite(transformerParams(r.arch))).toBe(true);
});
