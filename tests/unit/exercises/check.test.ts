import { describe, expect, it } from 'vitest';
import { checkMultiple, checkNumeric, checkOrdering, checkSingle, displayOrder } from '../../../src/lib/exercises/check';
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

  it('ordering: shown shuffled (never already solved), checked against the written order', () => {
    const shown = displayOrder(order);
    expect([...shown].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(shown).not.toEqual([0, 1, 2, 3, 4]);
    expect(displayOrder(order)).toEqual(shown);
    expect(checkOrdering(order, [0, 1, 2, 3, 4])).toEqual({ correct: true });
    expect(checkOrdering(order, [1, 0, 2, 3, 4]).hint).toContain('2 项');
  });
});
