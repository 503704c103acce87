/**
 * What the text lab keeps beside a model it trained (tf.io's `userDefinedMetadata`): the
 * vocabulary, how many epochs it has had, its corpus, and an id unique to each save, by which
 * a save is read back to prove it was really committed. Read back from the browser's storage,
 * it is untrusted: `parseSavedMeta` checks every field and never throws.
 */
import type * as tf from '@tensorflow/tfjs-core';

export interface SavedMeta {
  /** Characters by token id (id 0 is <unk>). */
  vocab: string[];
  /** Epochs trained so far, including those of the checkpoint it continued from. */
  epochs: number;
  corpus: string;
  /** Validation loss of the saved weights, nats per character, when the trainer measured it. */
  valLoss?: number;
  /** Set when saved: unique per save. */
  saveId?: string;
}

type Metadata = NonNullable<tf.io.ModelArtifacts['userDefinedMetadata']>;

/** The metadata object tf.io stores, field by field (no blanket cast). */
export function toMetadata(meta: SavedMeta): Metadata {
  const out: Metadata = { vocab: [...meta.vocab], epochs: meta.epochs, corpus: meta.corpus };
  if (meta.valLoss !== undefined) out.valLoss = meta.valLoss;
  if (meta.saveId !== undefined) out.saveId = meta.saveId;
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The metadata as SavedMeta, or null when any field is missing or of the wrong type. */
export function parseSavedMeta(v: unknown): SavedMeta | null {
  if (!isRecord(v)) return null;
  const { vocab, epochs, corpus, saveId, valLoss } = v;
  if (!Array.isArray(vocab) || vocab.length === 0 || !vocab.every((c): c is string => typeof c === 'string')) return null;
  if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 0) return null;
  if (typeof corpus !== 'string') return null;
  if (saveId !== undefined && typeof saveId !== 'string') return null;
  if (valLoss !== undefined && !(typeof valLoss === 'number' && Number.isFinite(valLoss) && valLoss >= 0)) return null;
  const out: SavedMeta = { vocab, epochs, corpus };
  if (valLoss !== undefined) out.valLoss = valLoss;
  if (saveId !== undefined) out.saveId = saveId;
  return out;
}
