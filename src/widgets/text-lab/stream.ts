/**
 * Generation as a lab shows it, for any NextCharModel (the LSTM's CharStepper, the Transformer's
 * TransformerStepper): each character with the bars of the distribution it was drawn from. The
 * model writes for its share of a frame (FrameClock), hands over what it wrote, and waits for the
 * next frame, so the page paints once a frame and stays responsive. Used by the §5.2 text lab and
 * by 附录 A's generation lab.
 */
import { generate, type GenerateOptions, type Generated, type NextCharModel } from '../../lib/textgen/generate';
import { shownIndices } from '../../lib/textgen/sample';
import type { Vocab } from '../../lib/textgen/vocab';
import { FrameClock, type OutChar } from './output';

/**
 * Runs `generate` and streams its characters to `deliver`, a frame's worth at a time; stops
 * early once `stopped()` is true. Every character reaches `deliver`, even when the model throws
 * (the error is rethrown after). Texts written at once share a `clock` (see FrameClock). The
 * first character is handed over as soon as it is written.
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
  const leave = clock.join();
  try {
    return await generate(model, vocab, {
      ...opts,
      onChar: async (char, id, dist) => {
        const bars = shownIndices(dist, id).map((i) => ({ char: i === 0 ? '\uFFFD' : vocab.chars[i], p: dist[i] }));
        pending.push({ char, bars });
        if (clock.spent()) {
          hand();
          await clock.nextTurn();
        }
        return !stopped();
      },
    });
  } finally {
    leave();
    hand();
  }
}
