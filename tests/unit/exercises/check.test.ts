import { describe, expect, it } from 'vitest';
import { checkMultiple, checkNumeric, formatHintNumber, checkOrdering, checkSingle, displayOrder } from '../../../src/lib/exercises/check';
import type { MultipleChoice, Ordering, SingleChoice } from '../../../src/lib/exercises/types';

const common = { section: '3-2', prompt: '?', explanation: '.' };
const single: SingleChoice = { ...common, id: 'ex-1-1', kind: 'single', options: ['a', 'b', 'c'], answer: 2 };
const multi: MultipleChoice = { ...common, id: 'ex-1-2', kind: 'multiple', options: ['a', 'b', 'c', 'd'], answer: [0, 2] };
const order: Ordering = { ...common, id: 'ex-3-1', kind: 'ordering', items: ['初始化', '前向', '损失', '反向', '更新'] };

describe('exercise checkers', () => {
  it('single choice: right, wrong, and nothing chosen', () => {
    expect(checkSingle(single, 2)).toEqual({ correct: true });
    expect(checkSingle(single, 0)).toEqual({ correct: false });
    expect(checkSingle(single, null).hint).toContain('请先');
    expect(checkSingle(single, null).invalid).toBe(true);
  });

  it('multiple choice says what is missing and what is extra', () => {
    expect(checkMultiple(multi, [2, 0])).toEqual({ correct: true });
    expect(checkMultiple(multi, [0]).hint).toContain('漏了 1');
    expect(checkMultiple(multi, [0, 1, 2]).hint).toContain('多选了 1');
  });

  it('numeric: within the tolerance, a wrong sign, and text that is not a number', () => {
    expect(checkNumeric(0.1234, 0.001, '0.123')).toEqual({ correct: true });
    expect(checkNumeric(0.1234, 0.001, '-0.123').hint).toContain('符号');
    expect(checkNumeric(0.1234, 0.001, 'abc').hint).toContain('必须是数字');
    expect(checkNumeric(0.1234, 0.001, '').hint).toContain('不能为空');
    expect(checkNumeric(0.1234, 0.001, 'abc').invalid).toBe(true);
    expect(checkNumeric(0.1234, 0.001, '-0.123').invalid).toBeUndefined();
  });

  it('numeric: an input of 0 is not called a wrong sign, and the hint never states the answer', () => {
    const hint = checkNumeric(44, 0.5, '0').hint!;
    expect(hint).not.toContain('符号');
    expect(hint).not.toMatch(/44/);
    expect(hint).toContain('正数');
  });

  it('numeric: a wrong answer hears the direction and size in words, never the difference', () => {
    expect(checkNumeric(44, 0.5, '42').hint).toBe('偏小，已经接近，但还在允许误差之外（允许误差 ±0.5）。');
    expect(checkNumeric(44, 0.5, '100').hint).toBe('偏大，差了一倍以上（允许误差 ±0.5）。');
    expect(checkNumeric(44, 0.5, '4').hint).toBe('偏小，差了一个数量级以上（允许误差 ±0.5）。');
    expect(checkNumeric(44, 0.5, '30').hint).not.toMatch(/14/);
  });

  it('numeric: an exact real-valued answer (tolerance 0) is said to need matching exactly, not “允许误差 ±0”, with its direction', () => {
    expect(checkNumeric(4.5, 0, '5').hint).toBe('偏大，差了一成以上（需与正确值完全一致）。');
  });

  it('numeric: a wrong exact whole-number answer (a unit’s number) gets no direction, so it cannot be found by halving', () => {
    for (const given of ['3', '120', '0', '-5']) expect(checkNumeric(42, 0, given)).toEqual({ correct: false, hint: '需与正确值完全一致。' });
    expect(checkNumeric(42, 0, '41.5').hint).toBe('答案是整数，需与正确值完全一致。');
  });

  it('numeric: an answer of any size is judged, never refused as out of range (a range would tell where the answer is not)', () => {
    expect(checkNumeric(1_230_912, 0, '2,000,000')).toEqual({ correct: false, hint: '需与正确值完全一致。' });
    expect(checkNumeric(677_816, 1000, '1e12')).toMatchObject({ correct: false, hint: expect.stringContaining('偏大，差了一个数量级以上') });
    expect(checkNumeric(-5, 0.5, '-3e9').invalid).toBeUndefined();
  });
  it('numeric: numbers in hints are in the book’s format, never a JS exponent', () => {
    const hint = checkNumeric(1e6, 680_000, '-1').hint!;
    expect(hint).toContain('±680,000');
    expect(hint).not.toMatch(/e[+-]/);
    expect([6.8e6, 0.5, 0.00012].map(formatHintNumber)).toEqual(['6.8 × 10⁶', '0.5', '1.2 × 10⁻⁴']);
  });

  it('ordering: shown shuffled (never already solved), checked against the written order', () => {
    const shown = displayOrder(order);
    expect([...shown].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(shown).not.toEqual([0, 1, 2, 3, 4]);
    expect(displayOrder(order)).toEqual(shown);
    expect(checkOrdering(order, [0, 1, 2, 3, 4])).toEqual({ correct: true });
    expect(checkOrdering(order, [1, 0, 2, 3, 4]).hint).toContain('2 项');
  });

  it('ordering: an order that leaves items out is not correct, each missing place counted as wrong', () => {
    expect(checkOrdering(order, [])).toEqual({ correct: false, hint: '有 5 项的位置不对。' });
    expect(checkOrdering(order, [0, 1, 2]).hint).toContain('2 项');
  });
});
