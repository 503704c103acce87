/**
 * Magnitude pruning (Han et al. 2015, "Learning both Weights and Connections for Efficient
 * Neural Networks", §3): in each weight matrix, the fraction `sparsity` of weights with the
 * smallest |w| is set to zero; the rest keep their values. Vectors (biases, LayerNorm gains)
 * are left whole: they are few, and zeroing a gain silences a whole unit.
 */

/** Weights a matrix of n weights loses at this sparsity: ⌊sparsity·n⌋. */
export const prunedCount = (n: number, sparsity: number): number => Math.floor(sparsity * n);

/** Whether pruning touches a tensor of this shape: matrices only. */
export const prunable = (shape: readonly number[]): boolean => shape.length >= 2;

/**
 * A copy of `values` with the ⌊sparsity·n⌋ smallest-magnitude entries zeroed (sparsity in
 * [0, 1]; ties broken by position, earlier first). Throws a RangeError outside [0, 1].
 */
export function pruneMagnitude(values: Float32Array, sparsity: number): Float32Array {
  if (!(sparsity >= 0 && sparsity <= 1)) throw new RangeError(`sparsity ${sparsity} is not in [0, 1]`);
  const k = prunedCount(values.length, sparsity);
  const out = Float32Array.from(values);
  if (k === 0) return out;
  // The k-th smallest |w| is the threshold t: everything below t goes, then entries equal to t
  // in position order until k are gone. (A native numeric sort of |w|, not a comparator sort.)
  const sorted = Float32Array.from(values, Math.abs).sort();
  const t = sorted[k - 1];
  let removed = 0;
  for (let i = 0; i < out.length; i++) {
    if (Math.abs(out[i]) < t) {
      out[i] = 0;
      removed++;
    }
  }
  for (let i = 0; i < out.length && removed < k; i++) {
    if (Math.abs(values[i]) === t) {
      out[i] = 0;
      removed++;
    }
  }
  return out;
}
