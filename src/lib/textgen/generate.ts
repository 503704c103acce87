/**
 * The generation loop of §4.3: read the prompt, then repeatedly take the next-character
 * distribution, choose a character from it, and feed that character back in. Each character
 * reaches the caller through onChar, with the distribution it was drawn from.
 */
import { mulberry32 } from '../nn/prng';
import { draw, GREEDY_BELOW, Sampler } from './sample';
import { decode, encode, type Vocab } from './vocab';

/** A model read one character at a time: the LSTM's CharStepper, the Transformer's TransformerStepper. */
export interface NextCharModel {
  /** Back to the state before any character. */
  reset(): void;
  /** Feeds one character id; returns the distribution over the next character. */
  step(id: number): Float32Array;
  /**
   * The same step, returning what sampling draws from at temperature T > 0: the known characters'
   * p_i^(1/T), normalised, and 0 for <unk> (id 0), computed by the backend (tempered.ts).
   */
  stepTempered(id: number, temperature: number): Float32Array;
}

export interface GenerateOptions {
  prompt: string;
  length: number;
  temperature: number;
  topK?: number;
  seed: number;
  /**
   * Most characters the model reads before it writes (a Transformer's context length): of the
   * separator and the prompt, only the last `context` are fed. Unset: all of them (the LSTM).
   */
  context?: number;
  /**
   * Called per character with the distribution it was drawn from (after temperature and top-k);
   * return false to stop early. `dist` is valid during the call only: the next character reuses it.
   */
  onChar?: (char: string, id: number, dist: Float64Array) => boolean | void | Promise<boolean | void>;
}

export interface Generated {
  text: string;
  /** Prompt characters outside the vocabulary, read as <unk>. */
  unknown: string[];
}

/**
 * Starts from the poem separator, so an empty prompt means "from the start of a poem". Throws
 * only what the model's step throws.
 */
export async function generate(stepper: NextCharModel, vocab: Vocab, opts: GenerateOptions): Promise<Generated> {
  const rng = mulberry32(opts.seed);
  const { ids, unknown } = encode(vocab, opts.prompt);
  const start = vocab.index.get('\n');
  const read = [start ?? 0, ...ids];
  stepper.reset();
  const greedy = opts.temperature < GREEDY_BELOW;
  // Greedy takes the argmax at T = 1: the same character as at any T > 0.
  const T = greedy ? 1 : opts.temperature;
  let probs: Float32Array = new Float32Array(0);
  for (const id of opts.context ? read.slice(-opts.context) : read) probs = stepper.stepTempered(id, T);
  const out: number[] = [];
  const sampler = new Sampler();
  for (let i = 0; i < opts.length; i++) {
    // <unk> (id 0) is never written: stepTempered gives it 0.
    const dist = sampler.next(probs, greedy, opts.topK);
    const id = draw(dist, rng); // one-hot at the argmax when greedy
    out.push(id);
    if ((await opts.onChar?.(decode(vocab, [id]), id, dist)) === false) break;
    probs = stepper.stepTempered(id, T);
  }
  return { text: decode(vocab, out), unknown };
}
