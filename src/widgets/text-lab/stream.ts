/**
 * Generation as a lab shows it, for any NextCharModel (the LSTM's CharStepper, the Transformer's
 * TransformerStepper): each character with the bars of the distribution it was drawn from. The
 * model writes in slices (FrameClock), yielding to the page between them so that it stays
 * responsive, and what it wrote is handed over once an animation frame, so the page lays out and
 * paints once a frame. Used by the §5.2 text lab and by 附录 A's generation lab.
 */
import { generate, type GenerateOptions, type Generated, type NextCharModel } from '../../lib/textgen/generate';
import { shownIndices } from '../../lib/textgen/sample';
import type { Vocab } from '../../lib/textgen/vocab';
import { FrameClock, type OutChar } from './output';

/**
 * Runs `generate` and streams its characters to `deliver`, at most once an animation frame;
 * stops early once `stopped()` is true. Every character reaches `deliver`, even when the model
 * throws (the error is rethrown after). Texts written at once share a `clock` (see FrameClock).
 * The first character is handed over as soon as it is written.
 */
export async function streamText(
  model: NextCharModel,
  vocab: Vocab,
  opts: Omit<GenerateOptions, 'onChar'>,
  deliver: (chars: OutChar[]) => void,
  stopped: () => boolean,
  clock = new FrameClock(),
): Promise<Generated> {
  let pending: OutChar[] = [];
  const hand = () => {
    if (!pending.length) return;
    const chars = pending;
    pending = [];
    deliver(chars);
  };
  /** Whether a frame will hand over what is pending; the first character goes at once. */
  let atFrame = false;
  let first = true;
  const handAtFrame = () => {
    if (first) {
      first = false;
      hand();
    } else if (!atFrame) {
      atFrame = true;
      void clock.frame().then(() => {
        atFrame = false;
        hand();
      });
    }
  };
  const leave = clock.join();
  try {
    return await generate(model, vocab, {
      ...opts,
      onChar: async (char, id, dist) => {
        const bars = shownIndices(dist, id).map((i) => ({ char: i === 0 ? '\uFFFD' : vocab.chars[i], p: dist[i] }));
        pending.push({ char, bars });
        handAtFrame();
        if (clock.spent()) await clock.nextTurn();
        return !stopped();
      },
    });
  } finally {
    leave();
    hand();
  }
}
