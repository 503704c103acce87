/** The corpus and validation windows the shipped checkpoints were scored on, read as the page reads them. */
import { readFileSync } from 'node:fs';
import { encode, fromChars, type Vocab } from '../../../src/lib/textgen/vocab';
import { makeWindows, type WindowSplit } from '../../../src/lib/textgen/windows';

export function poetryData(): { vocab: Vocab; ids: Int32Array; split: WindowSplit } {
  const meta = JSON.parse(readFileSync('public/models/poetry/meta.json', 'utf8')) as { vocab: string[]; seqLen: number; seed: number };
  const vocab = fromChars(meta.vocab);
  const { ids } = encode(vocab, readFileSync('public/corpora/poetry.txt', 'utf8'));
  return { vocab, ids, split: makeWindows(ids.length, meta.seqLen, meta.seed) };
}
