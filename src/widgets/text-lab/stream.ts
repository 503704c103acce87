/**
 * Generation as a lab shows it, for any NextCharModel (the LSTM's CharStepper, the Transformer's
 * TransformerStepper): each character with the bars of the distribution it was drawn from,
 * handed to the page once a frame (FrameBuffer), yielding then so the page paints and stays
 * responsive. Used by the §5.2 text lab and by 附录 A's generation lab.
 */
import { generate, type GenerateOptions, type Generated, type NextCharModel } from '../../lib/textgen/generate';
import { shownIndices } from '../../lib/textgen/sample';
import type { Vocab } from '../../lib/textgen/vocab';
import { FrameBuffer, FrameClock, type OutChar } from './output';

/**
 * Runs `generate` and streams its characters to `deliver`, a frame's worth at a time; stops
 * early once `stopped()` is true. Every character reaches `deliver`, even when the model throws
 * (the error is rethrown after). Texts written at once share a `clock` (see FrameClock).
 */
export async function streamText(
  model: NextCharModel,
  vocab: Vocab,
  opts: Omit<GenerateOptions, 'onChar'>,
  deliver: (chars: OutChar[]) => void,
  stopped: () => boolean,
  clock = new FrameClock(),
): Promise<Generated> {
  const buffer = new FrameBuffer<OutChar>(deliver, clock);
  try {
    return await generate(model, vocab, {
      ...opts,
      onChar: async (char, id, dist) => {
        const bars = shownIndices(dist, id).map((i) => ({ char: i === 0 ? '\uFFFD' : vocab.chars[i], p: dist[i] }));
        // Let the page paint about once a frame, so the text streams in.
        if (buffer.push({ char, bars })) await new Promise((r) => setTimeout(r, 0));
        return !stopped();
      },
    });
  } finally {
    buffer.flush();
  }
}
