import { describe, expect, it } from 'vitest';
import { mulberry32, gaussian } from '../../../src/lib/nn/prng';
import { channelsOf, fromFloat16, quantizeSymmetric, roundFloat16 } from '../../../src/lib/compress/quantize';
import { compressValues } from '../../../src/lib/compress/schemes';
import { plainCheckpoint } from './checkpoints';

/** A matrix [rows, cols] whose column j has scale 2^(j mod 6)/64: columns of very different sizes. */
function unevenColumns(rows: number, cols: number, seed: number): Float32Array {
  const rng = mulberry32(seed);
  return Float32Array.from({ length: rows * cols }, (_, i) => (gaussian(rng) * 2 ** ((i % cols) % 6)) / 64);
}

const mse = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + (x - b[i]) ** 2, 0) / a.length;

describe('symmetric quantisation', () => {
  it('reads int8 per tensor back within half a step, max|w|/254', () => {
    const w = unevenColumns(16, 12, 1);
    const back = quantizeSymmetric(w, [16, 12], 8, false);
    const step = Math.max(...w.map(Math.abs)) / 127;
    w.forEach((x, i) => expect(Math.abs(x - back[i])).toBeLessThanOrEqual(step / 2 + 1e-7));
  });

  it("reads int8 and int4 per channel back within half of each column's own step", () => {
    const [rows, cols] = [16, 12];
    const w = unevenColumns(rows, cols, 2);
    for (const [bits, qMax] of [
      [8, 127],
      [4, 7],
    ]) {
      const back = quantizeSymmetric(w, [rows, cols], bits, true);
      for (let j = 0; j < cols; j++) {
        let max = 0;
        for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(w[r * cols + j]));
        for (let r = 0; r < rows; r++) expect(Math.abs(w[r * cols + j] - back[r * cols + j])).toBeLessThanOrEqual(max / qMax / 2 + 1e-7);
      }
    }
  });

  it('uses at most 2·q_max + 1 distinct levels per channel', () => {
    const w = unevenColumns(64, 3, 3);
    const back = quantizeSymmetric(w, [64, 3], 4, true);
    for (let j = 0; j < 3; j++) expect(new Set(Array.from({ length: 64 }, (_, r) => back[r * 3 + j])).size).toBeLessThanOrEqual(15);
  });

  it('gives int8 per channel a smaller error than int8 per tensor when columns differ in scale', () => {
    const w = unevenColumns(32, 24, 4);
    expect(mse(w, quantizeSymmetric(w, [32, 24], 8, true))).toBeLessThan(mse(w, quantizeSymmetric(w, [32, 24], 8, false)) / 4);
  });

  it('gives int8 per channel a smaller total error than per tensor on the shipped LSTM and Transformer', () => {
    for (const dir of ['poetry', 'transformer']) {
      const tensors = plainCheckpoint(dir);
      let [channel, tensor] = [0, 0];
      for (const t of tensors) {
        const sq = (b: Float32Array) => t.values.reduce((s, x, i) => s + (x - b[i]) ** 2, 0);
        const c = sq(compressValues(t, 'int8-channel'));
        const p = sq(compressValues(t, 'int8-tensor'));
        expect(c, t.name).toBeLessThanOrEqual(p * (1 + 1e-9)); // a channel's scale never exceeds the tensor's
        channel += c;
        tensor += p;
      }
      expect(channel, dir).toBeLessThan(tensor);
    }
  });

  it('keeps a column of zeros at zero, never NaN', () => {
    const back = quantizeSymmetric(Float32Array.from([0, 1, 0, -0.5]), [2, 2], 8, true);
    expect(back[0]).toBe(0);
    expect(back[2]).toBe(0);
    expect(back.every(Number.isFinite)).toBe(true);
  });

  it("counts a vector as one channel and a matrix's last axis as its channels", () => {
    expect(channelsOf([512])).toBe(1);
    expect(channelsOf([128, 3000])).toBe(3000);
  });
});

describe('float16 round trip', () => {
  it('decodes the binary16 bit patterns it is given', () => {
    expect([0x3c00, 0xc000, 0x7bff, 0x0001, 0x0000].map(fromFloat16)).toEqual([1, -2, 65504, 2 ** -24, 0]);
  });

  it('stays within a relative 2^-11 of each normal-range weight', () => {
    const w = unevenColumns(20, 20, 5);
    const back = roundFloat16(w);
    w.forEach((x, i) => {
      if (Math.abs(x) > 2 ** -14) expect(Math.abs(x - back[i])).toBeLessThanOrEqual(Math.abs(x) * 2 ** -11);
    });
  });

  it('leaves the shipped float16 checkpoint exactly as it is', () => {
    for (const t of plainCheckpoint('poetry')) {
      const back = roundFloat16(t.values);
      expect(t.values.filter((x, i) => x !== back[i]).length, t.name).toBe(0);
    }
  });
});
