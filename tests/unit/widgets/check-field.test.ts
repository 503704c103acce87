/**
 * A typed field is checked once, by shared/link.ts checkField, against its rule: a named range or
 * the field's own parser (the compression lab's COMPRESS_FIELDS, which its link decoder reads too).
 */
import { describe, expect, it } from 'vitest';
import { COMPRESS_FIELDS } from '../../../src/lib/compress/settings';
import { SEED_RULE } from '../../../src/lib/nn/validate';
import { checkField } from '../../../src/widgets/shared/link';

describe('checking a typed field', () => {
  it('returns a named range’s number and clears the field’s old error', () => {
    const errors: { seed?: string } = { seed: '旧的错误' };
    expect(checkField('seed', '42', { seed: SEED_RULE }, errors)).toBe(42);
    expect(errors).toEqual({});
  });

  it('reads a field with its own parser, as the link does: a prompt stays text', () => {
    const errors: { sp?: string; prompt?: string } = { prompt: '开头文字为空：请输入至少一个字。' };
    expect(checkField('prompt', '春眠', COMPRESS_FIELDS, errors)).toBe('春眠');
    expect(errors).toEqual({});
  });

  it('records the parser’s message under the field and gives no value', () => {
    const errors: { sp?: string; prompt?: string } = {};
    expect(checkField('prompt', '  ', COMPRESS_FIELDS, errors)).toBeUndefined();
    expect(errors).toEqual({ prompt: '开头文字只有空白：请输入至少一个字。' });
  });

  it('leaves the other fields’ errors alone', () => {
    const errors: { sp?: string; prompt?: string } = { prompt: '开头文字为空：请输入至少一个字。' };
    expect(checkField('sp', '120', COMPRESS_FIELDS, errors)).toBeUndefined();
    expect(errors.prompt).toBe('开头文字为空：请输入至少一个字。');
    expect(errors.sp).toBe('剪枝稀疏度（%）必须在 0 到 99 之间，收到 120。');
  });
});
