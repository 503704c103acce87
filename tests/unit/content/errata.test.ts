import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

/** Every 勘误 aside in content/, with its chapter file: `:::danger[勘误：…]` up to its closing `:::`. */
const errata = readdirSync('content')
  .filter((f) => f.endsWith('.mdx'))
  .flatMap((file) => [...readFileSync(`content/${file}`, 'utf8').matchAll(/^:::danger\[(勘误[^\]]*)\]\n([\s\S]*?)^:::$/gm)].map((m) => ({ file, title: m[1], body: m[2] })));

test('the book has its errata', () => {
  expect(errata.length).toBeGreaterThanOrEqual(12);
});
test('§8.2’s Keras erratum cites its sources: the Theano announcement, the Keras release notes and Keras 3’s', () => {
  const keras = errata.find((e) => e.title === '勘误：Keras 与 Theano')!.body;
  expect(keras).toContain('MILA and the future of Theano');
  expect(keras).toMatch(/Keras 2\.3\.0 的发布说明/);
  expect(keras).toContain('Introducing Keras 3.0');
});

test('every erratum cites a dated source (an author or publisher with a year) for its correction', () => {
  const undated = errata.filter((e) => !/(?:19|20)\d\d/.test(e.body)).map((e) => `${e.file} ${e.title}`);
  expect(undated).toEqual([]);
});
