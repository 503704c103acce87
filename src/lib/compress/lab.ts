/**
 * One run of the compression lab: for every setting, compress the checkpoint's weights, score
 * the same held-out windows chunk by chunk, and write the same prompt at temperature 0. The
 * caller supplies `pause` (the page yields to painting there) and `cancelled`, so a long run
 * shows progress and stops when asked. Each setting's tensors are freed before the next.
 */
import * as tf from '@tensorflow/tfjs-core';
import { generate } from '../textgen/generate';
import type { Vocab } from '../textgen/vocab';
import { scoreChunk, stepperFor, toTensors, type Architecture, type ChunkScore } from './evaluate';
import { agreement, combine, perplexityOf } from './metrics';
import type { PlainTensor } from './quantize';
import { compressModel, modelBytes, SCHEMES, type Scheme } from './schemes';

export interface LabInput {
  arch: Architecture;
  /** The checkpoint's weights (float32 copies); never changed. */
  tensors: readonly PlainTensor[];
  /** The corpus as vocabulary ids, and the held-out window starts to score (all of `len` inputs). */
  ids: Int32Array;
  starts: readonly number[];
  len: number;
  vocab: Vocab;
  prompt: string;
  /** Pruning sparsity in [0, 1]. */
  sparsity: number;
  generateLength: number;
  /** Windows per chunk. */
  chunk: number;
}

export interface LabRow {
  scheme: Scheme;
  bytes: number;
  perplexity: number;
  /** Fraction of held-out positions where the top-1 next character equals the original's. */
  agreement: number;
  /** What the model writes after the prompt at temperature 0. */
  text: string;
}

export interface LabHooks {
  /** Called after every step with steps done and the total; awaited, so it can yield to the page. */
  progress?: (done: number, total: number, scheme: Scheme) => Promise<void> | void;
  /** Polled between steps; true stops the run (the rows so far are returned). */
  cancelled?: () => boolean;
  /** Each finished row, as soon as it is ready. */
  row?: (row: LabRow) => void;
}

/** Steps of a run: per setting, one per chunk of windows and one to write the prompt. */
export const labSteps = (input: Pick<LabInput, 'starts' | 'chunk'>): number => SCHEMES.length * (Math.ceil(input.starts.length / input.chunk) + 1);

/**
 * Runs every scheme in SCHEMES order (float16, the shipped original, first: agreement is measured
 * against it). Returns the rows finished; fewer than SCHEMES.length when cancelled. Throws
 * what scoring throws (a missing weight); tensors are freed either way.
 */
export async function runLab(input: LabInput, hooks: LabHooks = {}): Promise<LabRow[]> {
  const rows: LabRow[] = [];
  const total = labSteps(input);
  let done = 0;
  let original: Int32Array | undefined;
  const shapes = input.tensors.map((t) => t.shape);
  for (const scheme of SCHEMES) {
    if (hooks.cancelled?.()) break;
    const weights = toTensors(compressModel(input.tensors, scheme, input.sparsity));
    let owned = true;
    try {
      const chunks: ChunkScore[] = [];
      for (let i = 0; i < input.starts.length; i += input.chunk) {
        chunks.push(scoreChunk(input.arch, weights, input.ids, input.starts.slice(i, i + input.chunk), input.len));
        await hooks.progress?.(++done, total, scheme);
        if (hooks.cancelled?.()) return rows;
      }
      const score = combine(chunks);
      original ??= score.top1;
      const stepper = stepperFor(input.arch, weights);
      owned = false; // the stepper took the weights and frees them
      let text = '';
      try {
        ({ text } = await generate(stepper, input.vocab, { prompt: input.prompt, length: input.generateLength, temperature: 0, seed: 1 }));
      } finally {
        stepper.dispose();
      }
      await hooks.progress?.(++done, total, scheme);
      const row = {
        scheme,
        bytes: modelBytes(shapes, scheme, input.sparsity),
        perplexity: perplexityOf(score.nll, score.count),
        agreement: agreement(original, score.top1),
        text,
      };
      rows.push(row);
      hooks.row?.(row);
    } finally {
      if (owned) tf.dispose(Object.values(weights));
    }
  }
  return rows;
}
