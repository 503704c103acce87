import { expect, test } from 'vitest';
import { decodeFields } from '../../../src/lib/nn/url-fields';
import { readFragment } from '../../../src/lib/url/fragment';
import { trailingCut } from '../../../src/lib/url/trailing';
import { SCALE_FIELDS, SCALE_PREFIX } from '../../../src/lib/scale/settings';

const read = (hash: string) => {
  const f = readFragment(hash);
  return decodeFields(f.kind === 'params' ? f.params : new URLSearchParams(), SCALE_PREFIX, SCALE_FIELDS, trailingCut(hash));
};

test('a hand-typed label ending in ）keeps its bracket: the value as it arrived is tried first', () => {
  const r = read('#scale.m=GPT-2%EF%BC%88124M%EF%BC%89');
  expect(r.values.m).toBe('gpt2');
  expect(r.problems).toEqual([]);
  expect(r.notices).toEqual([]);
});
test('a link encoded once more on the way is read as the page reads it: the label keeps its bracket', () => {
  const r = read('#scale.m%3DGPT-2%25EF%25BC%2588124M%25EF%25BC%2589');
  expect(r.values.m).toBe('gpt2');
  expect(r.problems).toEqual([]);
});
test('a 。 glued onto a number is dropped, and the reader is told', () => {
  const r = read('#scale.n=8%E3%80%82');
  expect(r.values.n).toBe(8);
  expect(r.notices).toEqual(['链接末尾的“。”已忽略（转发时常有标点粘在链接末尾）。']);
});
test('a ）glued onto an id is dropped with a notice', () => {
  const r = read('#scale.m=gpt2）');
  expect(r.values.m).toBe('gpt2');
  expect(r.notices).toEqual(['链接末尾的“）”已忽略（转发时常有标点粘在链接末尾）。']);
});
test('nothing cut, nothing said; a signed link is never second-guessed', () => {
  expect(trailingCut('#scale.n=8')).toBeNull();
  expect(trailingCut('#sec-2-1。')).toBeNull();
  expect(read('#scale.n=8').notices).toEqual([]);
});
