import { expect, test } from 'vitest';
import { memoryRows } from '../../../src/lib/scale/memory';

const rows = memoryRows(1e9);
const row = (p: string) => rows.find((r) => r.precision === p);

test('weights take 4, 2, 1 and 0.5 bytes each in fp32, bf16, int8 and int4', () => {
  expect(rows.map((r) => r.inference)).toEqual([4e9, 2e9, 1e9, 0.5e9]);
});
test('mixed-precision Adam takes 2 + 2 + 12 bytes per weight (ZeRO)', () => {
  expect(row('bf16')?.training).toEqual({ weights: 2e9, gradients: 2e9, optimizer: 12e9, total: 16e9 });
});
test('fp32 Adam takes 4 + 4 + 8 bytes per weight', () => {
  expect(row('fp32')?.training?.total).toBe(16e9);
  expect(row('fp32')?.training?.optimizer).toBe(8e9);
});
test('int8 and int4 have no training memory: that is not a standard way to train', () => {
  expect(row('int8')?.training).toBeNull();
  expect(row('int4')?.training).toBeNull();
});
