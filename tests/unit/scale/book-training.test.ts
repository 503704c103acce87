import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { BOOK_CORPUS_CHARS, heldOutChars, LSTM_RUN, lstmBookTokens, TANG_RUN, tangBookTokens } from '../../../src/lib/scale/book-training';
import { presetById } from '../../../src/lib/scale/presets';
import { defaultTokens, tokensOrigin } from '../../../src/lib/scale/report';

const meta = (dir: string) => JSON.parse(readFileSync(`public/models/${dir}/meta.json`, 'utf8'));

test("the LSTM's run is the one its meta.json states: corpus, window, split seed, epochs", () => {
  const m = meta('poetry');
  expect(m.corpus.characters).toBe(BOOK_CORPUS_CHARS);
  expect([m.seqLen, m.seed, m.epochs]).toEqual([LSTM_RUN.seqLen, LSTM_RUN.seed, LSTM_RUN.epochs]);
});
test("the Transformer's run is the one its meta.json states: same corpus and split, windows of 64, 11 epochs", () => {
  const m = meta('transformer');
  expect(m.corpus.characters).toBe(BOOK_CORPUS_CHARS);
  expect([m.split.seqLen, m.split.seed, m.trainLen, m.epochs]).toEqual([LSTM_RUN.seqLen, LSTM_RUN.seed, TANG_RUN.trainLen, TANG_RUN.epochs]);
});
test('the held-out share stated is the split’s own: the validation characters meta.json records, 7.4% of the corpus', () => {
  expect(heldOutChars()).toBe(meta('transformer').split.validationCharacters);
  expect(lstmBookTokens().origin).toContain('留出 10,240 字（7.4%）作验证');
});
test('the book’s training tokens are the held-in characters × epochs: about 0.92 of the corpus per epoch', () => {
  expect(lstmBookTokens().tokens).toBe(127_880 * 16);
  expect(tangBookTokens().tokens).toBe(127_872 * 11);
  expect(lstmBookTokens().tokens / (BOOK_CORPUS_CHARS * 16)).toBeGreaterThan(0.9);
});
test('choosing the §5.2 LSTM or 附录 A’s model sets D to its real training tokens, with the book as its origin', () => {
  for (const [id, book] of [
    ['lstm52', lstmBookTokens()],
    ['tang', tangBookTokens()],
  ] as const) {
    const p = presetById(id)!;
    expect(defaultTokens(p.params, p.tokens)).toBe(book.tokens);
    const said = tokensOrigin(id, book.tokens);
    expect(said).toContain('本书训练时：语料 138,561 字');
    expect(said).not.toContain('没有公布');
  }
});
test('the §4.1 network’s D says it never trained on text, not that a count is unpublished', () => {
  const p = presetById('nn41')!;
  const said = tokensOrigin('nn41', defaultTokens(p.params, p.tokens));
  expect(said).toContain('没有在语料上训练');
  expect(said).not.toContain('没有公布');
});
