/**
 * TF.js's layers API prints an English console warning whenever its orthogonal initializer fills
 * a matrix of more than 2,000 elements ("Orthogonal initializer is being called on a matrix with
 * more than 2000 (65536) elements: Slowness may result."). The §5.2 LSTM's recurrent kernel
 * (128 × 512) triggers it whenever the model is built from a seed (model.ts buildModel: the
 * training worker's 从头开始, the offline scripts). Loading saved weights does not: TF.js then
 * skips the initialisers (io.ts fromArtifacts), and the page's own generation and the §9.2/§10.4
 * workers decode weights without the layers API at all. The warning says nothing a reader can
 * act on, so buildModel filters that one message for every caller; every other warning still
 * prints, and the weights are exactly those TF.js computes (nothing about the initialisation
 * changes).
 */

/** The start of the one message filtered (tfjs-layers 4.22, initializers.js, Orthogonal.apply). */
export const ORTHOGONAL_WARNING = 'Orthogonal initializer is being called on a matrix with more than';

/**
 * Replaces `target.warn` (the worker's console) with one that drops ORTHOGONAL_WARNING and passes
 * every other call through unchanged. Calling it again on the same console adds no second filter.
 */
export function dropOrthogonalWarning(target: Pick<Console, 'warn'>): void {
  const warn = target.warn as Console['warn'] & { orthogonalFiltered?: true };
  if (warn.orthogonalFiltered) return;
  const filtered = Object.assign(
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith(ORTHOGONAL_WARNING)) return;
      warn.apply(target, args);
    },
    { orthogonalFiltered: true as const },
  );
  target.warn = filtered;
}
