/**
 * The shipped checkpoints' vocabularies, for the compression lab's page: read from each
 * checkpoint's meta.json (a few KB, no TF.js), once per page, so that a prompt's characters
 * outside the vocabulary are named as soon as the field is committed, not only after a run.
 */
import type { ModelName } from '../../lib/compress/settings';
import { fromChars, type Vocab } from '../../lib/textgen/vocab';
import { BASE } from '../shared/base';
import { fetchOk, readJson } from '../shared/fetch-file';

const vocabs = new Map<ModelName, Promise<Vocab>>();

async function load(model: ModelName): Promise<Vocab> {
  const meta = (await fetchOk(`${BASE}models/${model === 'lstm' ? 'poetry' : 'transformer'}/meta.json`).then(readJson)) as { vocab?: unknown };
  const chars = meta.vocab;
  if (!Array.isArray(chars) || !chars.every((c) => typeof c === 'string')) throw new Error('检查点缺少字符表');
  return fromChars(chars as string[]);
}

/** The vocabulary of checkpoint `model`; throws an Error in words when meta.json cannot be read (a later call tries again). */
export function promptVocab(model: ModelName): Promise<Vocab> {
  let p = vocabs.get(model);
  if (!p) {
    p = load(model);
    vocabs.set(model, p);
    p.catch(() => vocabs.delete(model));
  }
  return p;
}
