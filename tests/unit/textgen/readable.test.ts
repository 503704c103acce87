/** The one rule for which typed or linked characters a lab shows and reads (textgen/readable.ts). */
import { describe, expect, it } from 'vitest';
import { readable, unreadable } from '../../../src/lib/textgen/readable';

describe('readable text', () => {
  it('drops NUL and other controls, format characters, lone surrogates and U+FFFD, and says which', () => {
    expect(readable('春\u0000眠\u200b不\u001f觉\ud800晓\ufffd')).toEqual({ text: '春眠不觉晓', dropped: ['\u0000', '\u200b', '\u001f', '\ud800', '\ufffd'] });
  });

  it('keeps line breaks, spaces, emoji and rare characters as they are', () => {
    expect(readable('春 眠\n😀𠀀')).toEqual({ text: '春 眠\n😀𠀀', dropped: [] });
    expect(unreadable('\n')).toBe(false);
  });
});
