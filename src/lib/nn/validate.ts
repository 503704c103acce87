/**
 * Reader-typed numbers become values or a clear message — never NaN on screen.
 * Covers empty fields, non-numbers, ±Infinity, 1e308 and out-of-range values.
 */
export interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export function parseNumber(text: string, rule: NumberRule, name = '数值'): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${name}不能为空。` };
  // Number() accepts "0x10", "Infinity" and " "; require a plain decimal or exponent form.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
    return { ok: false, message: `${name}必须是数字，收到“${trimmed.slice(0, 20)}”。` };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${name}太大了，超出了可以计算的范围。` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: `${name}必须是整数。` };
  if (value < rule.min || value > rule.max) {
    return { ok: false, message: `${name}必须在 ${rule.min} 到 ${rule.max} 之间，收到 ${trimmed}。` };
  }
  return { ok: true, value };
}
