import { expect, test } from 'vitest';
import { decodeFields } from '../../../src/lib/nn/url-fields';
import { transformerParams } from '../../../src/lib/scale/count';
import { ARCHS } from '../../../src/lib/scale/presets';
import { checkCustom, messageName, SCALE_FIELDS, SCALE_PREFIX, SCALE_RULES } from '../../../src/lib/scale/settings';

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
  expect(problems.map((p) => p.text).join('\n')).toMatch(/未知的模型“gpt5”，可选：§?[^，]*GPT-3（175B）、自定义 Transformer。/);
  expect(problems.map((p) => p.text).join('\n')).not.toMatch(/nn41|lstm52|bert-base/);
  expect(problems.map((p) => p.text).join('\n')).toMatch(/d_model 必须是数字/);
  expect(problems.map((p) => p.text).join('\n')).toMatch(/词表大小太大了/);
  expect(problems.map((p) => p.text).join('\n')).toMatch(/不认识的设置“scale.__proto__”/);
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
test('a Latin field name is set apart from the message after it; a Chinese one is not', () => {
  expect(messageName('d_model')).toBe('d_model ');
  expect(messageName('训练词元数 D')).toBe('训练词元数 D ');
  expect(messageName('层数')).toBe('层数');
  expect(messageName('利用率（%）')).toBe('利用率（%）');
  const r = SCALE_FIELDS.d('');
  expect(!r.ok && r.message).toBe('d_model 不能为空。');
});
test('bounds in a message are written as the results are: grouped, or scientific from 10¹⁵', () => {
  const message = (key: keyof typeof SCALE_RULES, text: string) => {
    const r = SCALE_FIELDS[key](text);
    return r.ok ? '' : r.message;
  };
  expect(message('L', '0')).toBe('层数必须在 1 到 10,000 之间，收到 0。');
  expect(message('d', '2000000')).toBe('d_model 必须在 1 到 1,000,000 之间，收到 2000000。');
  expect(message('D', '2e16')).toBe('训练词元数 D 必须在 1 到 1 × 10¹⁶ 之间，收到 2e16。');
  expect(message('days', '0.001')).toBe('目标天数必须在 0.01 到 100,000 之间，收到 0.001。');
  expect(message('D', '1.5')).toBe('训练词元数 D 必须是整数。');
  expect(SCALE_FIELDS.D('1e16')).toEqual({ ok: true, value: 1e16 });
});
