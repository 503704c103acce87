/**
 * The interpretability view's numbers from the shipped §5.2 LSTM checkpoint, computed in Node at
 * build time (an exercise's answer, and what the page says without JavaScript): the units that
 * fire most on a class of characters in a text, exactly as the view ranks them. Needs a TF.js
 * backend registered (the build's Exercise.astro registers the CPU one).
 */
import * as tf from '@tensorflow/tfjs-core';
import { fromModelJson, SHIPPED_NAMES } from '../textgen/checkpoint';
import { fromChars } from '../textgen/vocab';
import { checkMapText } from '../transformer/map-text';
import { readShipped, SHIPPED } from '../transformer/shipped';
import { lstmActivations, lstmWeights } from './lstm';
import { TOP_UNITS } from './settings';
import { inClass, rankUnits, type CharClass, type UnitScore } from './units';

/** The ranked units of the shipped LSTM for `text` (read as the view reads it) and a class; `root` the repository root. */
export function shippedRanking(text: string, cls: CharClass, ch = '', root = '.'): UnitScore[] {
  const json = JSON.parse(readShipped(`${SHIPPED.lstm}/model.json`, root).toString('utf8'));
  const meta = JSON.parse(readShipped(`${SHIPPED.lstm}/meta.json`, root).toString('utf8')) as { vocab: string[] };
  const bytes = readShipped(`${SHIPPED.lstm}/weights.bin`, root);
  const a = fromModelJson(json, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, SHIPPED_NAMES.lstm);
  const checked = checkMapText(text, Number.MAX_SAFE_INTEGER, fromChars(meta.vocab));
  if (!checked.ok) throw new Error(checked.message);
  const w = tf.io.decodeWeights(a.weightData!, a.weightSpecs!);
  try {
    const acts = lstmActivations(lstmWeights(w), checked.ids);
    return rankUnits(
      acts,
      checked.chars.map((c) => inClass(c, cls, ch)),
      TOP_UNITS,
    );
  } finally {
    tf.dispose(Object.values(w));
  }
}
