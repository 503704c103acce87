/**
 * The generation loop of §4.3: read the prompt, then repeatedly take the next-character
 * distribution, choose a character from it, and feed that character back in. Each character
 * reaches the caller through onChar, with the distribution it was drawn from.
 */
import { mulberry32 } from '../nn/prng';
import { draw, Sampler } from './sample';
import { decode, encode, type Vocab } from './vocab';

/** A model read one character at a time: the LSTM's CharStepper, the Transformer's TransformerStepper. */
export interface NextCharModel {
  /** Back to the state before any character. */
  reset(): void;
  /** Feeds one character id; returns the distribution over the next character. */
  step(id: number): Float32Array;
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
   * Called per character with the distribution it was drawn from (after temperature and top-k)
   * and the model's own; return false to stop early. Both arrays are valid during the call only:
   * the next character reuses their buffers.
   */
  onChar?: (char: string, id: number, dist: Float64Array, model: Float32Array) => boolean | void | Promise<boolean | void>;
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
  let probs: Float32Array = new Float32Array(0);
  for (const id of opts.context ? read.slice(-opts.context) : read) probs = stepper.step(id);
  const out: number[] = [];
  const sampler = new Sampler();
  for (let i = 0; i < opts.length; i++) {
    // <unk> (id 0) is never written: the sampler sets it to 0.
    const dist = sampler.next(probs, opts.temperature, opts.topK);
    const id = draw(dist, rng); // one-hot at the argmax when greedy
    out.push(id);
    if ((await opts.onChar?.(decode(vocab, [id]), id, dist, probs)) === false) break;
    probs = stepper.step(id);
  }
  return { text: decode(vocab, out), unknown };
}
