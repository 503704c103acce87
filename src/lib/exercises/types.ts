import type { Scheme } from '../compress/schemes';
import type { CharClass } from '../interpret/units';

/**
 * The exercises at the end of each chapter, as data an MDX file passes to <Exercise>. Every
 * exercise names the section it tests, so feedback can link back to it.
 */
export interface Common {
  /** Stable id, e.g. "ex-4-2"; assignments refer to it and it is the root's data-exercise-id. */
  id: string;
  /** The section it tests, as in the anchor: "4-2" links to #sec-4-2 of chapter 4; "6" means chapter 6 as a whole. */
  section: string;
  prompt: string;
  /** Shown after an answer, right or wrong. */
  explanation: string;
}

export interface SingleChoice extends Common {
  kind: 'single';
  options: string[];
  answer: number;
}

export interface MultipleChoice extends Common {
  kind: 'multiple';
  options: string[];
  answer: number[];
}

/** A number to compute by hand; the expected value is computed at build time by src/lib (numeric.ts). */
export interface Numeric extends Common {
  kind: 'numeric';
  quantity: NumericQuantity;
  /** Accepted when |answer − expected| ≤ tolerance. */
  tolerance: number;
}

export interface Ordering extends Common {
  kind: 'ordering';
  /** In the correct order; the page shows them shuffled by a seed from the id. */
  items: string[];
}

/** Done when a widget on the page reports a state that meets the task. */
export interface WidgetTask extends Common {
  kind: 'task';
  task: TaskName;
  /** Widget settings to start from, as a URL hash (the widget's own link format). */
  preset?: string;
}

export type Exercise = SingleChoice | MultipleChoice | Numeric | Ordering | WidgetTask;

/** What a numeric exercise asks for: a value of a small network's pass, a count about one of the book's models, a unit the §10.4 view ranks first, or a figure of the §2.1 scale calculator. */
export type NumericQuantity = NetworkQuantity | ModelQuantity | UnitQuantity | ScaleQuantity;

/**
 * One value of one pass through a small network, from src/lib/nn: the output ŷ, the loss, or
 * an entry of δ⁽ˡ⁾, ∂ℒ/∂W⁽ˡ⁾, ∂ℒ/∂b⁽ˡ⁾ or the updated W⁽ˡ⁾ (layer l is 1-based).
 */
export interface NetworkQuantity {
  activation: 'sigmoid' | 'tanh' | 'relu';
  W: number[][][];
  b: number[][];
  x: number[];
  y: number[];
  alpha?: number;
  of: { value: 'yHat' | 'loss' } | { value: 'delta' | 'db'; layer: number; i: number } | { value: 'dW' | 'nextW'; layer: number; i: number; j: number };
}

/**
 * A count about one of the book's models: `tang-gpt` is 附录 A's Transformer, read from its shipped
 * checkpoint (public/models/transformer/meta.json, whose config must be src/lib/transformer/config.ts's
 * TANG_GPT); `poetry-lstm` the §5.2 LSTM checkpoint (src/lib/compress/static.ts); `parameters` its
 * trainable weights, `bytes` its weights' size stored as `scheme` (src/lib/compress/schemes.ts;
 * `sparsity` in [0, 1] for pruning).
 */
export interface ModelQuantity {
  model: 'tang-gpt' | 'poetry-lstm';
  of: 'parameters' | 'bytes';
  scheme?: Scheme;
  sparsity?: number;
}

/**
 * The number of the §5.2 LSTM checkpoint's hidden unit that the interpretability view (§10.4)
 * ranks first for `text` and the character class `cls` (src/lib/interpret/static.ts).
 */
export interface UnitQuantity {
  topUnit: { text: string; cls: CharClass; ch?: string };
}

/**
 * A figure the scale calculator (§2.1, src/lib/scale) shows for one of its presets (presets.ts's
 * id, e.g. `gpt3`): `params`, its parameter count N from its shape, or `flops`, its training
 * compute C = 6·N·D with the preset's published token count D (compute.ts). The value is divided
 * by `per` (e.g. 1e23, so the reader types 3.14 for 3.14 × 10²³), 1 when absent.
 */
export interface ScaleQuantity {
  scale: { preset: string; of: 'params' | 'flops'; per?: number };
}

export type TaskName = 'circle-loss' | 'diverge' | 'temperature-repeat';
