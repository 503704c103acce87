/**
 * The parts the attention stepper's explained lines are built of (lib/nn/explain.ts's Line): a
 * symbol as TeX and as text for screen readers, the separators, and the [T,1] index they share.
 */
import type { Line, Part } from '../nn/explain';

export { paren } from '../nn/explain';

/** One step's general formula and its lines of live numbers. */
export interface StepLines {
  formula: Line;
  lines: Line[];
}

export const sym = (tex: string, text: string) => ({ tex, text });
export const SEP = sym('\\quad ', '，');
export const T1 = sym('_{T,1}', '[T,1]');
export const ARROW = sym('\\;=\\;', ' = ');
/** A symbol followed by more parts, spread into a line. */
export const v = (tex: string, text: string, ...rest: Part[]): Part[] => [sym(tex, text), ...rest];

/** The mean of a row (LayerNorm's μ). */
export const mean = (row: number[]) => row.reduce((a, b) => a + b, 0) / row.length;
