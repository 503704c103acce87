/**
 * A character vocabulary over Unicode code points, not UTF-16 units, so an emoji or a rare CJK
 * character outside the BMP is one token. Index 0 is `<unk>`, for characters beyond the cap.
 * A newline separates poems and doubles as the start/end marker, so no <bos>/<eos> is needed.
 */
export const UNK = '<unk>';
/** The 3,000 most frequent characters cover almost all of the 唐诗 corpus (see the corpus meta). */
export const MAX_VOCAB = 3000;

export interface Vocab {
  /** chars[id]; chars[0] is UNK. */
  chars: string[];
  index: Map<string, number>;
}

/** Code points, so '𠀀' and '😀' count as one character each. */
export const codePoints = (text: string): string[] => Array.from(text);

export interface VocabStats {
  vocab: Vocab;
  /** Distinct characters that did not fit and will read as <unk>. */
  dropped: number;
  /** Share of all character occurrences the vocabulary covers. */
  coverage: number;
}

export function fromChars(chars: string[]): Vocab {
  return { chars, index: new Map(chars.map((c, i) => [c, i])) };
}

/** Most frequent first; ties by code point, so the same text always gives the same ids. */
export function buildVocab(text: string, maxSize = MAX_VOCAB): VocabStats {
  const counts = new Map<string, number>();
  let total = 0;
  for (const c of codePoints(text)) {
    counts.set(c, (counts.get(c) ?? 0) + 1);
    total++;
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = ranked.slice(0, maxSize - 1);
  const covered = kept.reduce((s, [, n]) => s + n, 0);
  return {
    vocab: fromChars([UNK, ...kept.map(([c]) => c)]),
    dropped: ranked.length - kept.length,
    coverage: total ? covered / total : 1,
  };
}

export interface Encoded {
  ids: Int32Array;
  /** Distinct characters of the text that mapped to <unk>, in order of first appearance. */
  unknown: string[];
}

export function encode(vocab: Vocab, text: string): Encoded {
  const chars = codePoints(text);
  const ids = new Int32Array(chars.length);
  const unknown = new Set<string>();
  chars.forEach((c, i) => {
    const id = vocab.index.get(c);
    if (id === undefined) unknown.add(c);
    ids[i] = id ?? 0;
  });
  return { ids, unknown: [...unknown] };
}

/** <unk> is shown as U+FFFD so a reader sees a placeholder, not markup. */
export const decode = (vocab: Vocab, ids: Iterable<number>): string => Array.from(ids, (id) => (id === 0 ? '\uFFFD' : (vocab.chars[id] ?? '\uFFFD'))).join('');
